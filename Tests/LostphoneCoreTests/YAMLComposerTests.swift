import Testing
import Yams
@testable import LostphoneCore

/// The loaders read libyaml's events themselves (YAMLComposer) instead of through `Yams.compose`:
/// the tree, every position in it and every refusal must be the ones Yams gives.
@Suite struct YAMLComposerTests {
    static let documents: [String] = [
        BuiltinResources.playbookYAML,
        "a: \"\\uFEFFx\"\nb: \"\\uFEFF\"\nc: \"y\\uFEFF\"\n",
        "\u{FEFF}a: b\n",
        "a: &x [1, 2]\nb: *x\nc: &y {k: v}\nd: *y\ne: &z s\nf: *z\n",
        "a: &x 1\nb: &x 2\nc: *x\n",
        "? [a, b]\n: c\n? {d: e}\n: f\n",
        "a: |\n  line one\n  line two\nb: >\n  folded\n  text\nc: 'single ''quoted'''\nd: plain\n  continued\n",
        "- !foo x\n- !!str y\n- !!int 3\n",
        "a: 1\n!foo a: 2\n",
        "a:\n  - b\n  -\n    c: d\n  - ~\n  - null\n",
        "a: b\r\nc: d\r\n",
        "标题: {zh: 冻结账户, en: Freeze}\n列表: [一, 二]\n",
        "a: \"\\0\\t\\e\"\n",
        "--- x\n...\n",
        "[a, [b, [c, [d]]], {e: [f]}]\n",
    ]

    @Test(arguments: documents)
    func theTreeAndItsPositionsAreYams(yaml: String) throws {
        guard case let .document(mine, _, _) = YAMLComposer.compose(yaml) else {
            Issue.record("the composer refused \(yaml.debugDescription)")
            return
        }
        let theirs = try #require(try Yams.compose(yaml: yaml, .basic))
        var path: [String] = []
        #expect(Self.difference(mine, theirs, &path) == nil, "\(yaml.debugDescription)")
    }

    /// Where the two trees first differ, or nil.
    static func difference(_ mine: YAMLNode, _ theirs: Node, _ path: inout [String]) -> String? {
        let here = path.joined(separator: "/")
        if mine.line != theirs.mark?.line || mine.column != theirs.mark?.column {
            return "\(here): at \(mine.line):\(mine.column), Yams at \(theirs.mark.map { "\($0)" } ?? "-")"
        }
        switch (mine.content, theirs) {
        case let (.scalar(a), .scalar(b)):
            return a == b.string ? nil : "\(here): \(a.debugDescription) against \(b.string.debugDescription)"
        case let (.sequence(a), .sequence(b)):
            guard a.count == b.count else { return "\(here): \(a.count) items against \(b.count)" }
            for (i, (x, y)) in zip(a, b).enumerated() {
                path.append("\(i)")
                if let d = difference(x, y, &path) { return d }
                path.removeLast()
            }
            return nil
        case let (.mapping(a), .mapping(b)):
            let pairs = Array(b)
            guard a.count == pairs.count else { return "\(here): \(a.count) pairs against \(pairs.count)" }
            for (i, (x, y)) in zip(a, pairs).enumerated() {
                path.append("key \(i)")
                if let d = difference(x.key, y.key, &path) { return d }
                path[path.count - 1] = "value \(i)"
                if let d = difference(x.value, y.value, &path) { return d }
                path.removeLast()
            }
            return nil
        default:
            return "\(here): \(mine.content) against \(theirs)"
        }
    }

    /// Files Yams refuses: the same place, and its own words for what is wrong.
    @Test(arguments: [
        "panes: [\n",
        "id: x\nid: y\n",
        "a: {b: 1, b: 2}\nc: 3\nc: 4\n",
        "a: 1\n\"a\": 2\n",
        "? [a]\n: 1\n? [a]\n: 2\n",
        "id: &a x\nversion: *b\n",
        "\tid: x\n",
        "---\nid: x\n---\nid: y\n",
        "a: b\nc: d: e\n",
        "a: \"\\uD800\"\n",
        "a: b\u{7}\n",
        "a: [1, 2\nb: 3\n",
    ])
    func aRefusedFileGetsYamsPlaceAndProblem(yaml: String) throws {
        let (node, problems) = YAMLReader.compose(yaml, file: "t.yaml", maxBytes: 1 << 20)
        #expect(node == nil)
        let problem = try #require(problems.first)
        do {
            _ = try Yams.compose(yaml: yaml, .basic)
            Issue.record("Yams accepts \(yaml.debugDescription)")
        } catch let error as YamlError {
            switch error {
            case let .scanner(_, text, mark, _), let .parser(_, text, mark, _), let .composer(_, text, mark, _):
                #expect((problem.line, problem.column) == (mark.line, mark.column) && problem.message.hasSuffix(text), "\(problem) against \(error)")
            case let .duplicatedKeysInMapping(keys, context):
                #expect((problem.line, problem.column) == (context.mark.line, context.mark.column)
                        && problem.message.hasSuffix(keys.joined(separator: ", ")), "\(problem) against \(error)")
            case .reader:
                #expect(problem.message.hasPrefix("cannot read the text"), "\(problem)")
            default:
                Issue.record("unexpected \(error)")
            }
        }
    }

    @Test func anEmptyFileOrOneOfCommentsIsEmpty() {
        for yaml in ["", "# only a comment\n", "\n\n"] {
            guard case .empty = YAMLComposer.compose(yaml) else { Issue.record("\(yaml.debugDescription) is not empty"); continue }
        }
    }
}

import Foundation
import LostphoneCore
import Testing
@testable import LostphoneTUI
@testable import TerminalKit

/// The one key table: the README's key table, the help overlay and the hints agree with it.
@Suite struct KeyBindingsTests {
    static let readme = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("README.md")

    /// A key as the README and the help write it.
    static func name(_ key: Key) -> String {
        switch key {
        case .char(" "): "Space"
        case .char(let c): String(c)
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .home: "Home"
        case .end: "End"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .enter: "Enter"
        case .escape: "Esc"
        case .backspace: "Backspace"
        case .delete: "Delete"
        case .ctrl(let c): "Ctrl-" + c.uppercased()
        }
    }

    /// `1–4` stands for 1, 2, 3 and 4.
    static func expand(_ from: String, _ to: String) -> [String] {
        guard let a = Int(from), let b = Int(to), a <= b else { return [from, to] }
        return (a...b).map(String.init)
    }

    /// The key names in the first column of the README's `## Keys` table: each in backticks,
    /// a range written `1`–`4`.
    static func readmeKeys() throws -> [String] {
        let text = try String(contentsOf: readme, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let start = try #require(lines.firstIndex { $0.hasPrefix("## Keys") }, "README.md has no ## Keys section")
        let rows = lines[(start + 1)...].drop { !$0.hasPrefix("|") }.prefix { $0.hasPrefix("|") }.dropFirst(2)
        try #require(!rows.isEmpty, "the ## Keys section has no table")
        var names: [String] = []
        for row in rows {
            let cell = row.split(separator: "|", omittingEmptySubsequences: false)[1]
            let parts = cell.split(separator: "`", omittingEmptySubsequences: false).map(String.init)
            // parts: text, key, text, key, …: the keys are at the odd places.
            var i = 1
            while i < parts.count {
                if i + 2 < parts.count, parts[i + 1].trimmingCharacters(in: .whitespaces) == "–" {
                    names += expand(parts[i], parts[i + 2])
                    i += 4
                } else {
                    names.append(parts[i])
                    i += 2
                }
            }
        }
        return names
    }

    /// The key names in a help label: separated by spaces, a range written `1–4`.
    static func labelKeys(_ label: String) -> [String] {
        label.split(separator: " ").flatMap { word -> [String] in
            let ends = word.split(separator: "–")
            return ends.count == 2 ? expand(String(ends[0]), String(ends[1])) : [String(word)]
        }
    }

    static var boundKeys: [Key] { KeyBindings.all.flatMap { $0.keys.map(\.key) } }

    @Test func theReadmeKeyTableAndTheBindingTableNameTheSameKeys() throws {
        let documented = Set(try Self.readmeKeys())
        let bound = Set(Self.boundKeys.map(Self.name))
        #expect(documented.subtracting(bound).isEmpty,
                "in README.md but not bound: \(documented.subtracting(bound).sorted())")
        #expect(bound.subtracting(documented).isEmpty,
                "bound but not in README.md: \(bound.subtracting(documented).sorted())")
    }

    @Test func eachHelpLineShowsExactlyTheKeysItBinds() {
        for binding in KeyBindings.all {
            let shown = Self.labelKeys(binding.label)
            let bound = binding.keys.map { Self.name($0.key) }
            #expect(shown.sorted() == bound.sorted(), "help shows \(shown) for keys \(bound)")
        }
    }

    @Test func noKeyIsBoundTwice() {
        var seen: [Key: Int] = [:]
        for key in Self.boundKeys { seen[key, default: 0] += 1 }
        #expect(seen.filter { $0.value > 1 }.isEmpty, "bound twice: \(seen.filter { $0.value > 1 }.keys.map(Self.name))")
    }

    @Test func dispatchFollowsTheTable() {
        for binding in KeyBindings.all {
            for (key, action) in binding.keys {
                #expect(KeyBindings.action(for: key) == action, "\(Self.name(key))")
            }
        }
        #expect(KeyBindings.action(for: .char("z")) == nil)
    }

    @Test func everyHelpLineHasTextInBothLanguages() {
        for binding in KeyBindings.all {
            #expect(binding.help.value(.en)?.isEmpty == false && binding.help.value(.zh)?.isEmpty == false,
                    "\(binding.label)")
        }
    }

    @Test func theHelpOverlayListsHAndL() {
        let d = TestApp(width: 140, height: 45)
        d.press(.char("?"))
        #expect(d.screen.contains("← →  [ ]  h l"))
    }

    @Test func theTimelineHidesTheHintsForKeysThatNeedAStep() {
        let d = TestApp(width: 140, height: 45)
        #expect(d.screen.contains("d done") && d.screen.contains("←→ provider"))
        d.press(.char("5"))
        let bottom = d.screen.split(separator: "\n").last.map(String.init) ?? ""
        #expect(!bottom.contains("d done") && !bottom.contains("s start") && !bottom.contains("←→ provider"), "\(bottom)")
        #expect(bottom.contains("? help") && bottom.contains("q quit"))
    }
}

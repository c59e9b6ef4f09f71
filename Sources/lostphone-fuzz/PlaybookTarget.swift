import LostphoneCore

/// `PlaybookLoader.load(yaml:file:)` on mutations of the built-in playbook. A playbook it refuses
/// names at least one problem, each with a message and a place inside the file (`check`).
struct PlaybookTarget: FuzzTarget {
    let seeds = [Seed(name: "built-in playbook", bytes: Array(BuiltinResources.playbookYAML.utf8))]
    let tokens = yamlTokens
    let sizeLimit = 2 * 1024 * 1024

    func run(_ input: [UInt8]) throws(Failure) -> Outcome {
        let text = String(decoding: input, as: UTF8.self)
        switch PlaybookLoader.load(yaml: text, file: "fuzz.yaml") {
        case .success: return .accepted
        case .failure(let errors):
            try check(errors.problems, lines: lineCount(text), what: "playbook")
            return .refused
        }
    }
}

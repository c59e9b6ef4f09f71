import Foundation
import Testing

/// The layering the package declares, checked on the sources: ncurses only in TerminalKit, and
/// the updates never reach into a view.
@Suite struct ArchitectureTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources")

    static func swiftFiles(under folder: String) -> [(path: String, text: String)] {
        let root = sources.appendingPathComponent(folder)
        let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" } ?? []
        return files.map { ($0.path.replacingOccurrences(of: sources.path + "/", with: ""),
                            (try? String(contentsOf: $0, encoding: .utf8)) ?? "") }
    }

    /// The compiler refuses `import CNcurses` everywhere but the backend and the executable
    /// (scripts/check-ncurses-boundary.sh proves it); the executable sees the module only to load
    /// the backend, so this checks that its sources, like all others, do not import it.
    @Test func onlyTheNcursesBackendImportsNcurses() {
        let all = Self.swiftFiles(under: ".")
        #expect(all.count > 50, "the sources are where the test looks")
        let importers = all.filter { $0.text.contains("import CNcurses") }.map(\.path)
        #expect(importers.map { $0.replacingOccurrences(of: "./", with: "") } == ["TerminalKitNcurses/NcursesTerminal.swift"])
    }

    @Test func theUpdatesNameNoView() throws {
        let updates = Self.swiftFiles(under: "LostphoneTUI/Guide/Update") + Self.swiftFiles(under: "LostphoneTUI/Prepare/Update")
        #expect(updates.count >= 2)
        let view = try Regex(#"\b[A-Z][A-Za-z]*View\b|\bHelpOverlay\b|\bBox\b|\bScreen\.render"#)
        for file in updates {
            let code = file.text.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("//") }
            for line in code where line.contains(view) {
                Issue.record("\(file.path) names a view: \(line)")
            }
        }
    }

    /// Every view of the guide receives what it draws (rows, words, the theme), made in Layout
    /// from the state, never the state itself: the header, tabs, step list, timeline, details,
    /// Due view, the status bar and the dialogs over them. Only `Screen`, which composes them,
    /// takes the state.
    @Test func theMainViewsTakeNoState() {
        let views = Self.swiftFiles(under: "LostphoneTUI/Guide/Views").filter { !$0.path.hasSuffix("/Screen.swift") }
        let named = ["HeaderView", "TabsView", "StepListView", "TimelineView", "DetailView", "DueView",
                     "StatusBarView", "ConfirmEarlyView", "DetailsFormView", "QRCodeView"]
        for name in named where !views.contains(where: { $0.path.hasSuffix("/\(name).swift") }) {
            Issue.record("no \(name).swift under Guide/Views")
        }
        for file in views {
            #expect(!file.text.contains("AppState"), "\(file.path) takes the whole state")
        }
    }
}

import LostphoneCore
import TerminalKit

/// A field being edited: its text, and why the last Enter was refused.
public struct PrepareEditor: Hashable, Sendable {
    public var field: PrepareField
    public var input: TextInput
    public var error: String?
}

/// What the form is doing besides showing the list.
public enum PrepareMode: Hashable, Sendable {
    case browse
    case editing(PrepareEditor)
    case help(scroll: Int)
}

/// Everything the form of `lostphone prepare` shows. Changed only by `PrepareUpdate`; the
/// profile in it is always the one on disk (a change reaches it only once saved).
public struct PrepareState: Sendable {
    public let playbook: Playbook
    public let choices: [ProfileChoice]
    public let rows: [PrepareRow]
    /// Where the profile is saved.
    public let path: String
    public internal(set) var profile: Profile
    /// Ids in the file the guide no longer has: said until a save leaves them out.
    public internal(set) var dropped: [ProfileLoad.Dropped]
    /// Whether the profile file is there (it is once anything is saved).
    public internal(set) var fileExists: Bool
    public internal(set) var language: Language
    public internal(set) var theme: Theme
    public internal(set) var width: Int
    public internal(set) var height: Int
    public internal(set) var now: Timestamp

    /// The selected row (always a selectable one) and the first list line shown.
    public internal(set) var selection: Int
    public internal(set) var scroll = 0
    public internal(set) var mode: PrepareMode = .browse
    public internal(set) var message: StatusMessage?
    /// Changes the disk refused (each said on screen at the time).
    public internal(set) var unsavedChanges = 0
    public internal(set) var shouldQuit = false

    /// `dropped`: ids of the file the guide no longer has; `fileExists`: whether a profile file
    /// is there.
    public init(playbook: Playbook, profile: Profile, dropped: [ProfileLoad.Dropped] = [], fileExists: Bool, path: String,
                language: Language, theme: Theme, width: Int, height: Int, now: Timestamp) {
        self.playbook = playbook
        choices = playbook.profileChoices
        rows = PrepareRow.rows(for: playbook)
        self.path = path
        self.profile = profile
        self.dropped = dropped
        self.fileExists = fileExists
        self.language = language
        self.theme = theme
        self.width = width
        self.height = height
        self.now = now
        selection = rows.firstIndex(where: \.isSelectable) ?? 0
    }

    public var words: Words { Words(language) }

    public var selectedRow: PrepareRow? { rows.indices.contains(selection) ? rows[selection] : nil }

    public var editor: PrepareEditor? {
        if case .editing(let e) = mode { return e }
        return nil
    }

    /// Whether a checkbox row is ticked; nil for a heading or a field.
    public func isTicked(_ row: PrepareRow) -> Bool? {
        switch row {
        case .option(let choice, let option): profile.isTicked(choice, option)
        case .tip(let id): profile.tips[id] != nil
        case .heading, .field: nil
        }
    }

    /// The name of a checkbox row in the form's language.
    public func name(_ row: PrepareRow) -> String {
        switch row {
        case .heading(let section): section.title(words)
        case .option(let choice, let option):
            choices.first { $0.id == choice }?.option(option)?.name[language] ?? option
        case .field(let field): field.label(words)
        case .tip(let id): playbook.step(id)?.title[language] ?? id.rawValue
        }
    }

    /// The date a tip was done on (`2026-12-03`), as written where it was ticked.
    public func tipDate(_ id: StepID) -> String? { profile.tips[id].map { String($0.text.prefix(10)) } }

    /// The lines above the list, each with its element: never a password, a profile due for
    /// review, ids the next save leaves out.
    public var notices: [(text: String, element: ThemeElement)] {
        var lines: [(String, ThemeElement)] = [(words[.noPasswords], .warning)]
        if profile.needsReview(now: now), let updated = profile.updated {
            lines.append((words[.formReview(since: String(updated.text.prefix(10)))], .warning))
        }
        if !dropped.isEmpty {
            // Named as the guide names the choice; the id as the file has it, made visible.
            let named = dropped.map { words[.choiceTitle($0.choice)] + " " + Sanitize.brief($0.id, limit: 40) }
            lines.append((words[.formDropped(named)], .muted))
        }
        return lines
    }
}

/// A playbook: what to do after a phone is lost, as panes of steps, each with its providers and
/// contacts, in every declared language. Loaded from YAML by `PlaybookLoader`.
public struct Playbook: Sendable, Hashable {
    public var id: String
    public var version: Int
    public var languages: [Language]
    public var title: LocalizedText
    public var source: PlaybookSource
    public var panes: [Pane]

    public init(id: String, version: Int, languages: [Language], title: LocalizedText,
                source: PlaybookSource, panes: [Pane]) {
        self.id = id; self.version = version; self.languages = languages
        self.title = title; self.source = source; self.panes = panes
    }

    /// Every step of every pane, in order.
    public var allSteps: [Step] { panes.flatMap(\.steps) }

    /// The prevention tips: the steps of the `tips` panes, in order. The profile keeps their
    /// state (`Profile.tips`).
    public var tipSteps: [Step] { panes.filter { $0.kind == .tips }.flatMap(\.steps) }

    /// A step by id, or nil.
    public func step(_ id: StepID) -> Step? { allSteps.first { $0.id == id } }

    /// The steps `id` requires that are not settled yet, in the order the step lists them:
    /// recording the step now is early, and the screen asks first (`Step.requires`).
    public func unmetRequirements(of id: StepID, isSettled: (StepID) -> Bool) -> [Step] {
        guard let step = step(id) else { return [] }
        return step.requires.filter { !isSettled($0) }.compactMap { self.step($0) }
    }
}

/// Where the playbook's content comes from.
public struct PlaybookSource: Sendable, Hashable {
    public var publisher: LocalizedText
    public var title: LocalizedText?
    /// ISO date, e.g. `2020-11-26`.
    public var date: String?
    public var url: String?

    public init(publisher: LocalizedText, title: LocalizedText? = nil, date: String? = nil, url: String? = nil) {
        self.publisher = publisher; self.title = title; self.date = date; self.url = url
    }
}

/// How a pane's steps are meant: things to do now, or advice to read.
public enum PaneKind: String, Sendable, Hashable, Codable {
    /// Actions with a state (urgent freezes, locate the device).
    case actions
    /// Prevention tips: read, and mark done when taken care of.
    case tips
}

/// A pane of the screen: a titled list of steps.
public struct Pane: Sendable, Hashable, Identifiable {
    public var id: PaneID
    public var kind: PaneKind
    public var title: LocalizedText
    public var steps: [Step]

    public init(id: PaneID, kind: PaneKind = .actions, title: LocalizedText, steps: [Step]) {
        self.id = id; self.kind = kind; self.title = title; self.steps = steps
    }
}

/// One thing to do. A step that differs by provider (carrier, bank, payment app, phone brand)
/// lists its providers; the person picks theirs and the choice is recorded.
public struct Step: Sendable, Hashable, Identifiable {
    public var id: StepID
    public var title: LocalizedText
    /// 1 is most urgent. Absent for tips.
    public var priority: Int?
    /// Why it matters, in a sentence or two.
    public var why: LocalizedText?
    /// What to do, in order, whatever the provider.
    public var instructions: [LocalizedText]
    /// Contacts that do not depend on the provider.
    public var contacts: [Contact]
    /// A caution shown prominently (for example: erasing ends locating).
    public var warning: LocalizedText?
    public var providers: [Provider]
    /// The kind of provider this step lists (`carrier`, `brand`): every step of one group lists
    /// the same provider ids, so a provider chosen in one can be preselected in the others.
    public var group: String?
    /// For a step without providers (WeChat, Alipay): the profile choice it is one option of
    /// (`app`). A person ticks it in `lostphone prepare` when it is theirs.
    public var choice: String?
    /// How the profile names the step as an option of its choice (`WeChat`); the title if absent.
    public var choiceName: LocalizedText?
    /// Steps to settle (done or skipped) before this one; recording it earlier asks first.
    public var requires: [StepID]
    /// Why the required steps come first, said when the step is recorded early.
    public var requiresWhy: LocalizedText?
    /// What must follow this step's outcome, and by when (`lostphone due`).
    public var followUps: [FollowUpRule]

    public init(id: StepID, title: LocalizedText, priority: Int? = nil, why: LocalizedText? = nil,
                instructions: [LocalizedText] = [], contacts: [Contact] = [], warning: LocalizedText? = nil,
                providers: [Provider] = [], group: String? = nil, choice: String? = nil, choiceName: LocalizedText? = nil, requires: [StepID] = [],
                requiresWhy: LocalizedText? = nil, followUps: [FollowUpRule] = []) {
        self.id = id; self.title = title; self.priority = priority; self.why = why
        self.instructions = instructions; self.contacts = contacts; self.warning = warning
        self.providers = providers; self.group = group; self.choice = choice; self.choiceName = choiceName; self.requires = requires
        self.requiresWhy = requiresWhy; self.followUps = followUps
    }

    public func provider(_ id: ProviderID?) -> Provider? {
        guard let id else { return nil }
        return providers.first { $0.id == id }
    }
}

/// A carrier, bank, app or phone brand, with how to reach it.
public struct Provider: Sendable, Hashable, Identifiable {
    public var id: ProviderID
    public var name: LocalizedText
    public var instructions: [LocalizedText]
    public var contacts: [Contact]
    public var note: LocalizedText?
    public var warning: LocalizedText?
    /// What must follow this provider's outcome in its step, besides the step's own follow-ups
    /// (China Mobile's suspension ends after 6 months).
    public var followUps: [FollowUpRule]

    public init(id: ProviderID, name: LocalizedText, instructions: [LocalizedText] = [],
                contacts: [Contact] = [], note: LocalizedText? = nil, warning: LocalizedText? = nil,
                followUps: [FollowUpRule] = []) {
        self.id = id; self.name = name; self.instructions = instructions; self.contacts = contacts
        self.note = note; self.warning = warning; self.followUps = followUps
    }
}

extension Provider {
    /// The name without what it adds in brackets, for a list line or a message:
    /// `ICBC (Industrial and Commercial Bank of China)` is `ICBC`.
    public func shortName(_ language: Language) -> String {
        let full = name[language]
        for open in [" (", "（"] {
            if let r = full.range(of: open), r.lowerBound > full.startIndex { return String(full[..<r.lowerBound]) }
        }
        return full
    }
}

/// One way to reach a provider.
public struct Contact: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// A number to dial, as written (`10086`, `0755-83765566`).
        case phone(String)
        /// A web address, with or without scheme (`weixin110.qq.com`).
        case web(String)
        /// A path of menus inside an app or the phone's settings, per language.
        case path(LocalizedText)
    }

    public var kind: Kind
    /// What the contact is for (`Customer service`, `Report loss`).
    public var label: LocalizedText?
    /// An IVR option to choose after dialling (`9`).
    public var press: String?
    /// Where the fact comes from.
    public var source: ContactSource
    /// Whether an official page was read that gives the number, address or path (`page`).
    public var confirmed: Bool
    /// Whether a public official source confirms the voice-menu option (`press`) today: a
    /// number can be confirmed while the key to press after dialling is not.
    public var pressConfirmed: Bool
    /// The address of the official page that says what the contact says: required for a
    /// confirmed contact (`confirmed`, `pressConfirmed`), so "confirmed" always names what was read.
    public var page: String?
    /// Where that page was read, when it was read through a stored copy of it.
    public var readAt: String?

    public init(kind: Kind, label: LocalizedText? = nil, press: String? = nil,
                source: ContactSource = .article, confirmed: Bool = false, pressConfirmed: Bool = false,
                page: String? = nil, readAt: String? = nil) {
        self.kind = kind; self.label = label; self.press = press
        self.source = source; self.confirmed = confirmed; self.pressConfirmed = pressConfirmed
        self.page = page; self.readAt = readAt
    }
}

extension Contact {
    /// What a QR code of a number carries: `tel:` and its digits (a phone's camera offers to
    /// dial it). A voice-menu key cannot go in a `tel:` address; it is shown beside the code.
    public static func telURI(_ number: String) -> String {
        "tel:" + number.filter { $0.isASCII && ($0.isNumber || $0 == "+") }
    }

    /// Whether everything the contact says is confirmed: the number, address or path, and the
    /// voice-menu option if there is one.
    public var isFullyConfirmed: Bool { confirmed && (press == nil || pressConfirmed) }
}

/// Where a contact comes from, readable in every language: the article, a web domain (the same
/// in every language), or a short text given in each language.
public enum ContactSource: Sendable, Hashable {
    /// The playbook's own source (the article).
    case article
    /// A domain or address, such as `icbc.com.cn` or `kf.qq.com`.
    case domain(String)
    /// A description in each language, such as `{zh: 第三方指南, en: third-party guides}`.
    case text(LocalizedText)

    /// The domain, when the source is one.
    public var domain: String? {
        if case .domain(let d) = self { return d }
        return nil
    }
}

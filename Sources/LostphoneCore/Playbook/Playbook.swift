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

    public init(id: StepID, title: LocalizedText, priority: Int? = nil, why: LocalizedText? = nil,
                instructions: [LocalizedText] = [], contacts: [Contact] = [], warning: LocalizedText? = nil,
                providers: [Provider] = []) {
        self.id = id; self.title = title; self.priority = priority; self.why = why
        self.instructions = instructions; self.contacts = contacts; self.warning = warning
        self.providers = providers
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
    /// Providers of one kind across steps (`carrier`, `bank`, `brand`): one chosen in a step is
    /// preselected in the others.
    public var group: String?
    public var instructions: [LocalizedText]
    public var contacts: [Contact]
    public var note: LocalizedText?
    public var warning: LocalizedText?

    public init(id: ProviderID, name: LocalizedText, group: String? = nil, instructions: [LocalizedText] = [],
                contacts: [Contact] = [], note: LocalizedText? = nil, warning: LocalizedText? = nil) {
        self.id = id; self.name = name; self.group = group; self.instructions = instructions; self.contacts = contacts
        self.note = note; self.warning = warning
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
    /// Where the fact comes from: `article`, or the name or address of an official page.
    public var source: String
    /// Whether a public official source confirms it today.
    public var confirmed: Bool

    public init(kind: Kind, label: LocalizedText? = nil, press: String? = nil,
                source: String = "article", confirmed: Bool = false) {
        self.kind = kind; self.label = label; self.press = press
        self.source = source; self.confirmed = confirmed
    }
}

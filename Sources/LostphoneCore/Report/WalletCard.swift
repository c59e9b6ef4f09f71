/// What the wallet card holds (`lostphone card`), taken from the profile and the playbook in one
/// language: the person's own hotlines, their phone brand's find-my address, the phone and its
/// owner, insurance and an emergency contact, and the first steps to take. The text and HTML
/// writers only lay it out (`WalletCardText.swift`, `WalletCardHTML.swift`).
public struct WalletCard: Sendable, Hashable {
    /// A number to call, for one provider the person ticked.
    public struct Hotline: Sendable, Hashable {
        /// The profile choice it comes from (`carrier`, `bank`, `app`).
        public var choice: String
        /// The provider's short name (`ICBC`), or for an app step its name as a profile option (`WeChat`).
        public var name: String
        /// As the playbook writes it (`0755-83765566`).
        public var number: String
        /// The voice-menu option to choose after dialling, if any.
        public var press: String?
        /// What the number is for (`Credit cards`).
        public var label: String?
        public var numberConfirmed: Bool
        public var pressConfirmed: Bool
        /// A number everyone needs, whatever their providers (the police, 110): on every card.
        public var isForEveryone = false

        /// What its QR code carries: the rule the screen's `Q` follows.
        public var uri: String { Contact.telURI(number) }
    }

    /// Where to locate, lock or erase the phone, for one brand the person ticked.
    public struct FindMy: Sendable, Hashable {
        public var name: String
        /// A web address, or a menu path when the brand has no address of its own.
        public var address: String
        public var isWeb: Bool
        public var label: String?
        public var confirmed: Bool
    }

    /// One of the first steps to take, by priority.
    public struct FirstStep: Sendable, Hashable {
        public var id: StepID
        public var title: String
    }

    /// The group whose providers are phone brands: its first step (`locate` in the built-in
    /// guide) holds each brand's find-my address. A playbook without it gives a card without
    /// that section.
    public static let findMyChoice = "brand"
    /// How many numbers of one provider the card holds (a bank's own line and its credit cards').
    public static let numbersPerProvider = 2
    /// How many of the urgent steps the card lists.
    public static let firstStepCount = 5

    public var language: Language
    public var hotlines: [Hotline]
    public var findMy: [FindMy]
    public var device: DeviceDetails
    public var insurer: String?
    public var policy: String?
    public var emergencyContact: String?
    public var firstSteps: [FirstStep]
    /// When the profile was last saved (reviewed): a card goes out of date with it.
    public var asOf: Timestamp?
    /// `Lost phone emergency guide (cn-mainland v2)`, for the small print.
    public var guide: String

    public var words: Words { Words(language) }

    public init(profile: Profile, playbook: Playbook, language l: Language) {
        language = l
        device = profile.device
        insurer = profile.insurer
        policy = profile.policy
        emergencyContact = profile.emergencyContact
        asOf = profile.updated
        guide = "\(playbook.title[l]) (\(playbook.id) v\(playbook.version))"

        // The police first: the number everyone needs, whatever their providers.
        var hotlines: [Hotline] = WalletCard.everyonesSteps(playbook).flatMap { step in
            step.contacts.filter(\.isPhone).prefix(WalletCard.numbersPerProvider).map { contact in
                var line = Hotline(step.id.rawValue, contact.label?[l] ?? step.title[l], contact, l)
                line.isForEveryone = true
                // Its label is its name (`Police`): said once.
                if line.label == line.name { line.label = nil }
                return line
            }
        }
        var findMy: [FindMy] = []
        for choice in playbook.profileChoices {
            let ticked = profile.ticked(choice.id)
            guard !ticked.isEmpty else { continue }
            let steps = choice.steps.compactMap { playbook.step($0) }
            switch choice.kind {
            case .group where choice.id == WalletCard.findMyChoice:
                // The brand's address is in the group's first step (locating the phone).
                guard let step = steps.first else { continue }
                for provider in profile.providers(of: step, in: choice) {
                    guard let contact = provider.contacts.first(where: \.isWeb) ?? provider.contacts.first(where: \.isPath) else { continue }
                    findMy.append(FindMy(name: provider.shortName(l), address: contact.text(l), isWeb: contact.isWeb,
                                         label: contact.label?[l], confirmed: contact.confirmed))
                }
            case .group:
                // Each provider in the order the guide lists it, with the numbers of the first
                // step of the group that gives it any (the SIM, not the new SIM).
                guard let first = steps.first else { continue }
                for provider in profile.providers(of: first, in: choice) {
                    let phones = steps.lazy.compactMap { $0.provider(provider.id) }
                        .map { $0.contacts.filter(\.isPhone) }.first { !$0.isEmpty } ?? []
                    hotlines += phones.prefix(WalletCard.numbersPerProvider)
                        .map { Hotline(choice.id, provider.shortName(l), $0, l) }
                }
            case .steps:
                for step in steps where ticked.contains(step.id.rawValue) {
                    hotlines += step.contacts.filter(\.isPhone).prefix(WalletCard.numbersPerProvider)
                        .map { Hotline(choice.id, (step.choiceName ?? step.title)[l], $0, l) }
                }
            }
        }
        self.hotlines = hotlines
        self.findMy = findMy
        firstSteps = WalletCard.firstSteps(profile: profile, playbook: playbook)
            .map { FirstStep(id: $0.id, title: $0.title[l]) }
    }

    /// The urgent steps that are everyone's, whatever their providers, with a number to call:
    /// the police (110) in the built-in guide.
    static func everyonesSteps(_ playbook: Playbook) -> [Step] {
        guard let pane = playbook.panes.first(where: { $0.kind == .actions }) else { return [] }
        return pane.steps.filter { $0.providers.isEmpty && $0.choice == nil && $0.contacts.contains(where: \.isPhone) }
    }

    /// The most urgent steps of the first pane of actions that are the person's, by priority:
    /// leaving out an app the profile rules out (it ticked another option of the choice, as a
    /// new incident skips it), and a step of providers of which a profile that names its
    /// providers names none (no lending platform).
    static func firstSteps(profile: Profile, playbook: Playbook) -> [Step] {
        guard let pane = playbook.panes.first(where: { $0.kind == .actions }) else { return [] }
        let namesProviders = playbook.profileChoices.contains { $0.kind == .group && !profile.ticked($0.id).isEmpty }
        let ruledOut: (Step) -> Bool = { step in
            if let group = step.group { return namesProviders && profile.ticked(group).isEmpty }
            guard let choice = step.choice else { return false }
            let ticked = profile.ticked(choice)
            return !ticked.isEmpty && !ticked.contains(step.id.rawValue)
        }
        // A stable sort: steps of equal (or no) priority keep the guide's order.
        let ordered = pane.steps.enumerated()
            .sorted { ($0.element.priority ?? Int.max, $0.offset) < ($1.element.priority ?? Int.max, $1.offset) }
            .map(\.element)
        return Array(ordered.filter { !ruledOut($0) }.prefix(firstStepCount))
    }
}

extension WalletCard.Hotline {
    init(_ choice: String, _ name: String, _ contact: Contact, _ l: Language) {
        self.init(choice: choice, name: name, number: contact.text(l), press: contact.press, label: contact.label?[l],
                  numberConfirmed: contact.confirmed, pressConfirmed: contact.pressConfirmed)
    }

    /// Whether everything it says is confirmed: the number, and the option to press if any.
    public var isFullyConfirmed: Bool { numberConfirmed && (press == nil || pressConfirmed) }
}

private extension Contact {
    var isPhone: Bool { if case .phone = kind { true } else { false } }
    var isWeb: Bool { if case .web = kind { true } else { false } }
    var isPath: Bool { if case .path = kind { true } else { false } }

    func text(_ l: Language) -> String {
        switch kind {
        case .phone(let n): n
        case .web(let a): a
        case .path(let p): p[l]
        }
    }
}

/// One thing a person ticks in their profile, taken from the playbook: a provider group
/// (`carrier`, `bank`, `platform`, `account`, `brand`: the providers its steps list) or a step
/// choice (`app`: the provider-less steps that name it, WeChat and Alipay).
public struct ProfileChoice: Sendable, Hashable, Identifiable {
    public struct Option: Sendable, Hashable, Identifiable {
        /// A provider id, or for a step choice the step's id.
        public var id: String
        public var name: LocalizedText
    }

    public enum Kind: Sendable, Hashable {
        /// Options are the providers of the steps of a `group`.
        case group
        /// Options are steps, each with `choice:` naming this choice.
        case steps
    }

    public var id: String
    public var kind: Kind
    public var options: [Option]
    /// The steps the choice prepares: the group's steps, or the options themselves.
    public var steps: [StepID]

    public func option(_ id: String) -> Option? { options.first { $0.id == id } }
}

extension Playbook {
    /// The profile's choices, in the order the guide first meets them.
    public var profileChoices: [ProfileChoice] {
        var choices: [ProfileChoice] = []
        func index(_ id: String) -> Int? { choices.firstIndex { $0.id == id } }
        for step in allSteps {
            if let group = step.group {
                if let i = index(group) {
                    choices[i].steps.append(step.id)
                } else {
                    choices.append(ProfileChoice(id: group, kind: .group,
                                                 options: step.providers.map { .init(id: $0.id.rawValue, name: $0.name) },
                                                 steps: [step.id]))
                }
            } else if let choice = step.choice {
                let option = ProfileChoice.Option(id: step.id.rawValue, name: step.choiceName ?? step.title)
                if let i = index(choice) {
                    choices[i].options.append(option)
                    choices[i].steps.append(step.id)
                } else {
                    choices.append(ProfileChoice(id: choice, kind: .steps, options: [option], steps: [step.id]))
                }
            }
        }
        return choices
    }
}

/// Why a change to the profile was refused: every problem found, in words for the person.
/// Nothing of the change is kept when there is one.
public struct ProfileEditError: Error, Sendable, Hashable {
    public var problems: [String]
}

/// A change to the profile as `lostphone prepare`'s flags give it: merged into what the profile
/// holds, checked whole against the playbook before anything is kept.
public struct ProfileEdit: Sendable, Hashable {
    /// A text of the profile, named as in the file (`emergency-contact`): the one field type.
    public typealias Field = DeviceField

    /// Per choice id, the option ids given: they replace what that choice had ticked.
    public var choices: [String: [String]]
    /// Texts given; an empty one removes the field.
    public var fields: [Field: String]
    /// Choice ids, field names (`imei`) or `tips`, to empty.
    public var clear: [String]
    /// Prevention tips now done, and tips to take back.
    public var tipsDone: [String]
    public var tipsUndone: [String]

    public init(choices: [String: [String]] = [:], fields: [Field: String] = [:], clear: [String] = [],
                tipsDone: [String] = [], tipsUndone: [String] = []) {
        self.choices = choices; self.fields = fields; self.clear = clear
        self.tipsDone = tipsDone; self.tipsUndone = tipsUndone
    }

    /// Whether it asks for no change at all.
    public var isEmpty: Bool {
        choices.isEmpty && fields.isEmpty && clear.isEmpty && tipsDone.isEmpty && tipsUndone.isEmpty
    }

    /// `profile` with the change made, or every reason it cannot be: an id the playbook lacks
    /// (the valid ones named), an IMEI that fails its check (with where to find the real one),
    /// a control character or an over-long text, the same thing both set and cleared. A tip
    /// already done keeps the day it was done; one newly done is done `now`.
    public func applied(to profile: Profile, playbook: Playbook, now: Timestamp,
                        words w: Words) throws(ProfileEditError) -> Profile {
        var problems: [String] = []
        var result = profile
        let available = playbook.profileChoices
        let tipIDs = playbook.tipSteps.map(\.id.rawValue)
        let clearable = available.map(\.id) + Field.allCases.map(\.rawValue) + (tipIDs.isEmpty ? [] : ["tips"])
        func list(_ ids: [String]) -> String { ids.joined(separator: ", ") }
        func title(_ choice: String) -> String { w[.choiceTitle(choice)] }

        for id in clear where !clearable.contains(id) {
            problems.append(w[.unknownToClear(id: Sanitize.brief(id, limit: 40), valid: list(clearable))])
        }
        for choice in available where clear.contains(choice.id) && choices[choice.id] == nil {
            result.choices[choice.id] = nil
        }
        for (choiceID, ids) in choices.sorted(by: { $0.key < $1.key }) {
            guard let choice = available.first(where: { $0.id == choiceID }) else {
                problems.append(w[.noSuchChoice(title(choiceID), valid: list(available.map(\.id)))])
                continue
            }
            if clear.contains(choiceID) { problems.append(w[.setAndCleared(choiceID)]) }
            var kept: [String] = []
            for id in ids where !kept.contains(id) {
                if choice.option(id) == nil {
                    problems.append(w[.noSuchOption(choice: title(choiceID), id: Sanitize.brief(id, limit: 40),
                                                    valid: list(choice.options.map(\.id)))])
                } else {
                    kept.append(id)
                }
            }
            result.choices[choiceID] = kept.isEmpty ? nil : kept
        }

        for field in Field.allCases {
            let name = field.rawValue
            guard let given = fields[field] else {
                if clear.contains(name) { result.set(field, nil) }
                continue
            }
            if clear.contains(name) { problems.append(w[.setAndCleared(name)]); continue }
            // The one validator, as the form, `i` and `lostphone details` check it.
            switch field.accept(given) {
            case .success(let kept): result.set(field, kept)
            case .failure(let problem): problems.append(problem.text(w))
            }
        }

        if clear.contains("tips") {
            if !tipsDone.isEmpty { problems.append(w[.setAndCleared("tips")]) }
            result.tips = [:]
        }
        for id in tipsDone + tipsUndone where !tipIDs.contains(id) {
            problems.append(w[.noSuchTip(Sanitize.brief(id, limit: 40), valid: list(tipIDs))])
        }
        for id in Set(tipsDone).intersection(tipsUndone).sorted() { problems.append(w[.doneAndUndone(id)]) }
        for id in tipsUndone where tipIDs.contains(id) { result.tips[StepID(id)] = nil }
        for id in tipsDone where tipIDs.contains(id) && result.tips[StepID(id)] == nil { result.tips[StepID(id)] = now }

        if !problems.isEmpty { throw ProfileEditError(problems: problems) }
        return result
    }
}

extension Profile {
    /// The text of `field`.
    public func value(_ field: DeviceField) -> String? {
        field == .emergencyContact ? emergencyContact : field.value(in: device)
    }

    /// Sets or removes the text of `field`.
    public mutating func set(_ field: DeviceField, _ value: String?) {
        if field == .emergencyContact { emergencyContact = value } else { field.set(value, in: &device) }
    }
}

/// The profile as plain text in the person's language, for `lostphone prepare`: what it holds
/// (`--show`, and after a save), and every id it can hold with what is ticked (`--list`).
/// The person's own texts and the playbook's names are made visible, never printed raw.
public enum ProfileText {
    /// The mark before an option the profile has, and before one it has not.
    public static let ticked = "[x]", unticked = "[ ]"

    /// What `profile` holds, one line per thing: when it was last reviewed, the options ticked
    /// per choice (names and ids), the phone, insurance, emergency contact and the tips done.
    public static func summary(_ profile: Profile, playbook: Playbook, words w: Words) -> [String] {
        var lines: [String] = []
        if let updated = profile.updated { lines.append(w.label(.profile(.lastReviewed)) + day(updated)) }
        for choice in playbook.profileChoices {
            let options = choice.options.filter { profile.isTicked(choice.id, $0.id) }
            guard !options.isEmpty else { continue }
            let names = options.map { clean(short($0.name[w.language])) + w.paren($0.id) }
            lines.append(w.label(.profile(.choiceTitle(choice.id))) + names.joined(separator: w.comma))
        }
        for field in ProfileEdit.Field.allCases {
            guard let value = profile.value(field) else { continue }
            lines.append(w.label(label(field)) + clean(value))
        }
        let tips = playbook.tipSteps
        let done = tips.filter { profile.tips[$0.id] != nil }
        if !tips.isEmpty {
            lines.append(w.label(.profile(.checklist)) + w[.profile(.tipsDone(done.count, of: tips.count))])
            for step in done {
                lines.append("  \(step.id.rawValue)  \(clean(step.title[w.language]))" + w.paren(w[.profile(.tipDoneOn(day(profile.tips[step.id]!)))]))
            }
        }
        lines.append(w[.profile(.noPasswords)])
        return lines
    }

    /// Every choice of `playbook` with its option ids and names, then the prevention tips,
    /// each marked when `profile` has it. `flag` names the option that sets a choice
    /// (`--bank`), nil for a choice the command line cannot set.
    public static func choices(_ profile: Profile?, playbook: Playbook, words w: Words,
                               flag: (String) -> String?) -> [String] {
        var lines: [String] = []
        func rows(_ items: [(id: String, name: String, has: Bool)]) {
            let width = items.map { TextWidth.of($0.id) }.max() ?? 0
            for item in items {
                lines.append("  \(item.has ? ticked : unticked) \(TextWidth.padded(item.id, to: width))  \(item.name)")
            }
        }
        for choice in playbook.profileChoices {
            let heading = w[.profile(.choiceTitle(choice.id))]
            lines.append(heading + (flag(choice.id).map { "  " + $0 } ?? w.paren(choice.id)))
            rows(choice.options.map { ($0.id, clean($0.name[w.language]), profile?.isTicked(choice.id, $0.id) ?? false) })
        }
        let tips = playbook.tipSteps
        if !tips.isEmpty {
            lines.append(w[.profile(.checklist)] + (flag("tips").map { "  " + $0 } ?? ""))
            rows(tips.map { step in
                let done = profile?.tips[step.id]
                return (step.id.rawValue, clean(step.title[w.language]) + (done.map { w.paren(w[.profile(.tipDoneOn(day($0)))]) } ?? ""),
                        done != nil)
            })
        }
        lines.append("\(ticked) " + w[.profile(.inYourProfile)])
        return lines
    }

    /// The label of a profile text.
    public static func label(_ field: ProfileEdit.Field) -> Word {
        switch field {
        case .model: .phoneModel
        case .imei: .imei
        case .number: .profile(.phoneNumber)
        case .owner: .owner
        case .insurer: .profile(.insurer)
        case .policy: .profile(.policy)
        case .claimWithin: .profile(.claimWithin)
        case .emergencyContact: .profile(.emergencyContact)
        }
    }

    /// A name without what its brackets add (`ICBC (Industrial and …)` is `ICBC`), as
    /// `Provider.shortName` shortens it: the id follows it in brackets.
    static func short(_ name: String) -> String {
        for open in [" (", "（"] {
            if let r = name.range(of: open), r.lowerBound > name.startIndex { return String(name[..<r.lowerBound]) }
        }
        return name
    }

    /// The day of a time, as it was written: `2026-12-03`.
    static func day(_ time: Timestamp) -> String { String(time.text.prefix(10)) }

    /// Text from a file or the person, one line, its control characters made visible.
    static func clean(_ text: String) -> String { Sanitize.visible(text) }
}

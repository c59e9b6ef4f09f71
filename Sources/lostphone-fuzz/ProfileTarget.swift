import LostphoneCore

/// `ProfileFile.parse` on mutations of a full profile, as `lostphone prepare` writes it, against
/// the built-in guide. A profile is either read whole (every id one the guide has, every IMEI's
/// check digit right, and the same profile again after writing it back) or refused with its
/// problems, each on a line of the file.
struct ProfileTarget: FuzzTarget {
    let seeds: [Seed]
    let tokens = yamlTokens
    let sizeLimit = 80 * 1024
    private let playbook = PlaybookLoader.builtin()

    init() {
        let playbook = PlaybookLoader.builtin()
        var full = Profile(device: DeviceDetails(model: "iPhone 15", imei: "490154203237518", number: "138 0013 8000", owner: "张三"),
                           insurer: "人保财险", policy: "PDAA2026-1", emergencyContact: "李四 139 0013 9000",
                           tips: ["tip-1": Timestamp(parsing: "2026-10-01T09:00:00.000+08:00")!])
        for choice in playbook.profileChoices {
            for option in choice.options.prefix(2) { full.set(choice.id, option.id, ticked: true) }
        }
        full.updated = Timestamp(parsing: "2026-12-03T15:40:12.518+08:00")
        seeds = [Seed(name: "a full profile", bytes: Array(ProfileFile.serialize(full, playbook: playbook).utf8))]
    }

    func run(_ input: [UInt8]) throws(Failure) -> Outcome {
        let text = String(decoding: input, as: UTF8.self)
        let load = ProfileFile.parse(yaml: text, file: "fuzz.yaml", playbook: playbook)
        guard let profile = load.profile else {
            if load.problems.isEmpty { throw Failure(rule: "a refused profile names no problem", detail: "") }
            try check(load.problems, lines: lineCount(text), what: "profile")
            return .refused
        }
        if !load.problems.isEmpty { throw Failure(rule: "a profile was read and refused at once", detail: load.problems[0].description) }
        let choices = playbook.profileChoices
        for (choice, ids) in profile.choices {
            guard let known = choices.first(where: { $0.id == choice }) else { throw Failure(rule: "an unknown choice was kept", detail: choice) }
            if let id = ids.first(where: { known.option($0) == nil }) { throw Failure(rule: "an unknown id was kept", detail: "\(choice) \(id)") }
        }
        if let imei = profile.device.imei, IMEI.normalized(imei) != imei {
            throw Failure(rule: "an IMEI with a wrong check digit was kept", detail: imei)
        }
        // What is read is what is written back: a save must never change the profile.
        var expected = profile
        expected.playbook = playbook.id
        expected.playbookVersion = playbook.version
        let again = ProfileFile.parse(yaml: ProfileFile.serialize(expected, playbook: playbook), file: "again.yaml", playbook: playbook)
        if again.profile != expected {
            throw Failure(rule: "the profile changed when written back and read again", detail: again.problems.first?.description ?? "")
        }
        return .accepted
    }
}

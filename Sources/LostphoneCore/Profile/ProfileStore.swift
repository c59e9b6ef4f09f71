import Foundation

/// Why the profile was not saved, in words for the person.
public struct ProfileSaveError: Error, Sendable, CustomStringConvertible {
    public var description: String
}

/// Where the profile lives (`$XDG_CONFIG_HOME/lostphone/profile.yaml`, 0600 in a 0700 folder),
/// read and written whole: a save goes to a temporary file that replaces the old one only
/// once it is on disk.
public struct ProfileStore: Sendable {
    public let path: String

    public init(path: String) { self.path = path }

    public init(environment: [String: String]) {
        self.init(path: XDGDirectory.config.lostphone("profile.yaml", environment: environment))
    }

    public var directory: String { (path as NSString).deletingLastPathComponent }

    /// The profile, or why it is refused; `.none` when there is no file.
    public func load(playbook: Playbook) -> ProfileLoad {
        guard FileManager.default.fileExists(atPath: path) else { return .none }
        guard let data = FileManager.default.contents(atPath: path) else {
            return ProfileLoad(profile: nil, problems: [FileProblem(file: path, message: "cannot read the file (check its permissions)")],
                               dropped: [], exists: true)
        }
        return ProfileFile.parse(yaml: String(decoding: data, as: UTF8.self), file: path, playbook: playbook)
    }

    /// Saves `profile`, as reviewed at `now` unless `reviewed` is false (a tip ticked during an
    /// incident is not a review of the providers). A file that is there but cannot be read is
    /// never replaced: it may hold what the person wrote by hand.
    @discardableResult
    public func save(_ profile: Profile, playbook: Playbook, now: Timestamp, reviewed: Bool = true) throws(ProfileSaveError) -> Profile {
        try save(profile, over: load(playbook: playbook), playbook: playbook, now: now, reviewed: reviewed)
    }

    /// Saves `profile` in place of `current`, what the file held when it was read for this save.
    private func save(_ profile: Profile, over current: ProfileLoad, playbook: Playbook, now: Timestamp,
                      reviewed: Bool) throws(ProfileSaveError) -> Profile {
        if let first = current.problems.first {
            throw ProfileSaveError(description: "\(first); the file is left as it is: fix it or move it away, then try again")
        }
        // Ids another guide has and this one lacks would be lost by saving with this guide; ids a
        // newer version of the same guide dropped are meant to go.
        if let other = current.profile?.playbook, other != playbook.id, !current.dropped.isEmpty {
            let names = current.dropped.prefix(5).map { "\($0.choice) \($0.id)" }.joined(separator: ", ")
            throw ProfileSaveError(description: "\(path) was written for the guide \(Sanitize.brief(other, limit: 40)); saving it with the guide \(playbook.id) would drop \(names). The file is left as it is: use the guide it was written for, or copy the file away first")
        }
        var saved = profile
        if reviewed || saved.updated == nil { saved.updated = now }
        saved.playbook = playbook.id
        saved.playbookVersion = playbook.version
        do {
            try PrivateDirectory.prepare(directory)
        } catch {
            throw ProfileSaveError(description: "\(error)")
        }
        do {
            try AtomicFile.write(Data(ProfileFile.serialize(saved, playbook: playbook).utf8), to: path, replace: true)
        } catch {
            throw ProfileSaveError(description: "\(path): could not be written (\(error.reason))")
        }
        return saved
    }

    /// Keeps a prevention tip done at `doneAt` (or not done, nil) in the profile, creating the
    /// profile when there is none.
    public func keepTip(_ step: StepID, doneAt: Timestamp?, playbook: Playbook, now: Timestamp) throws(ProfileSaveError) {
        let current = load(playbook: playbook)
        var profile = current.profile ?? Profile()
        guard profile.tips[step] != doneAt else { return }
        profile.tips[step] = doneAt
        _ = try save(profile, over: current, playbook: playbook, now: now, reviewed: false)
    }
}

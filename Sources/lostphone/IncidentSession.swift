import ArgumentParser
import Foundation
import LostphoneCore

/// `--incident ID`: which incident a command reads or records; the latest by default.
struct IncidentOption: ParsableArguments {
    @Option(help: ArgumentHelp("The incident to use (see `lostphone incidents`); default: the latest.", valueName: "id"),
            completion: .custom(Completion.incidentIDs))
    var incident: String?
}

/// The command line's side of `IncidentSession` (in Core): its errors said in the person's
/// language on standard error, and exit status 1.
extension IncidentSession {
    /// The journal of `id`, or an exit naming the incidents there are.
    static func summary(_ id: String, in store: IncidentStore, language: Language? = nil) throws -> IncidentSummary {
        do {
            return try find(id, in: store)
        } catch {
            throw exit(error, language)
        }
    }

    /// `IncidentSession.open`, or an exit saying why not.
    static func openForRecording(store: IncidentStore, id: String? = nil, playbook: () throws -> Playbook, startNew: Bool,
                                 clock: any WallClock, readOnlyFallback: Bool = false,
                                 profile: ProfileStore, language: Language) throws -> IncidentSession {
        do {
            return try open(store: store, id: id, playbook: playbook, startNew: startNew, clock: clock,
                            readOnlyFallback: readOnlyFallback, profile: profile, language: language)
        } catch let error as SessionError {
            throw exit(error, language)
        }
    }

    /// The incident `id` (or the newest), read without taking the lock, or an exit saying why not.
    /// A torn last line, left out and not repaired, is said on standard error: standard output
    /// keeps the format scripts parse. `sayTear` is false where a recording follows, which
    /// repairs it and says so.
    static func read(store: IncidentStore, id: String? = nil, language: Language? = nil, sayTear: Bool = true) throws -> (Incident, String) {
        do {
            let (incident, path, tear) = try load(store: store, id: id)
            if sayTear, let tear { printError("lostphone: " + tear.text(in: language ?? rememberedLanguage())) }
            return (incident, path)
        } catch {
            throw exit(error, language)
        }
    }

    private static func rememberedLanguage() -> Language {
        CommonOptions.rememberedOrLocaleLanguage(ProcessEnvironment.current())
    }

    private static func exit(_ error: SessionError, _ language: Language?) -> ExitCode {
        let language = language ?? rememberedLanguage()
        printError("lostphone: " + error.text(Words(language)))
        return ExitCode(1)
    }
}

import Foundation

/// lostphone's directories under the XDG base directories
/// (https://specifications.freedesktop.org/basedir-spec/): the variable when it holds an
/// absolute path (a relative one is ignored, as the specification asks), else its default
/// under `$HOME`.
public enum XDGDirectory: Sendable {
    /// `$XDG_STATE_HOME`, `~/.local/state`: the incident journals.
    case state
    /// `$XDG_CONFIG_HOME`, `~/.config`: preferences and the person's own themes.
    case config

    private var variable: String {
        switch self {
        case .state: "XDG_STATE_HOME"
        case .config: "XDG_CONFIG_HOME"
        }
    }

    private var fallback: String {
        switch self {
        case .state: ".local/state"
        case .config: ".config"
        }
    }

    /// `<base>/lostphone`, or `<base>/lostphone/<sub>`.
    public func lostphone(_ sub: String? = nil, environment: [String: String]) -> String {
        let base: String
        if let value = environment[variable], value.hasPrefix("/") {
            base = value
        } else {
            let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
            base = (home as NSString).appendingPathComponent(fallback)
        }
        let own = (base as NSString).appendingPathComponent("lostphone")
        return sub.map { (own as NSString).appendingPathComponent($0) } ?? own
    }
}

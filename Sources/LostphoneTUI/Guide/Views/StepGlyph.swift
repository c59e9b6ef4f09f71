import LostphoneCore
import TerminalKit

/// How a step state looks: a glyph and a theme element, so states differ by shape and by
/// attribute even where there is no colour.
public enum StepGlyph {
    public static func glyph(_ state: StepState) -> String {
        switch state {
        case .pending: "○"
        case .inProgress: "▶"
        case .done: "✓"
        case .blocked: "✗"
        case .skipped: "–"
        }
    }

    public static func element(_ state: StepState) -> ThemeElement {
        switch state {
        case .pending: .stepPending
        case .inProgress: .stepInProgress
        case .done: .stepDone
        case .blocked: .stepBlocked
        case .skipped: .stepSkipped
        }
    }
}

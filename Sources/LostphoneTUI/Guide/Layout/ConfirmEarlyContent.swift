import LostphoneCore
import TerminalKit

/// What the question before an early recording shows: the step, the required steps not settled
/// yet, why they come first, in the screen's words.
struct ConfirmEarlyContent: Hashable, Sendable {
    var boxTitle: String
    var step: String
    /// "Not done yet:".
    var unmetLabel: String
    var unmet: [String]
    var why: String?
    var keys: String

    /// Nil when the step is not in the guide (nothing to ask about).
    static func make(_ state: AppState, _ early: EarlyRecording) -> ConfirmEarlyContent? {
        let w = state.words
        let lang = state.display.language
        guard let step = state.step(early.step) else { return nil }
        return ConfirmEarlyContent(
            boxTitle: w[.confirmEarlyTitle], step: step.title[lang], unmetLabel: w.capitalized(.notSettledYet) + w.colon,
            unmet: early.unmet.map { state.step($0)?.title[lang] ?? $0.rawValue },
            why: step.requiresWhy.map { $0[lang] }, keys: w[.confirmEarlyKeys])
    }
}

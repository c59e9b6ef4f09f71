import LostphoneCore
import TerminalKit

/// What the top line says, in the screen's words: the header view draws it and knows nothing
/// of the state.
struct HeaderContent: Hashable {
    /// ` 丢手机应急` / ` lostphone emergency`; the short name where the line is too narrow.
    var title: String
    var shortTitle = " lostphone"
    /// `READ-ONLY`, said first, when the state directory cannot be written.
    var readOnly: String?
    /// How many urgent freezes are left; `settled` when none (drawn quieter).
    var urgent: String?
    var urgentSettled = false
    /// `1 due · 1 overdue`, empty when nothing is due; `overdue` draws it as a warning.
    var due: String
    var overdue: Bool
    /// The phone's model, IMEI and lost-at time, or the offer of `i` (`offer`: shown whole or not at all).
    var middle: String
    var offer: Bool
    /// `◷ since start 00:12:03 `.
    var clock: String

    static func make(_ state: AppState) -> HeaderContent {
        let w = state.words
        let incident = state.incident
        let start = incident.lostAt ?? incident.startedAt
        var middle = ""
        if let model = incident.device.model { middle += model }
        if let imei = incident.device.imei { middle += (middle.isEmpty ? "" : " · ") + "\(w[.imei]) \(imei)" }
        if let lost = incident.lostAt { middle += (middle.isEmpty ? "" : " · ") + "\(w[.lostAt]) \(TimeInput.display(lost))" }
        let offer = middle.isEmpty && state.session.readOnlyDirectory == nil
        if offer { middle = w[.detailsOffer] }
        let (overdue, dueSoon) = FollowUps.counts(FollowUps.list(incident, playbook: state.playbook), now: state.now)
        return HeaderContent(
            title: " " + w[.appTitle],
            readOnly: state.session.readOnlyDirectory.map { _ in w[.readOnly] },
            urgent: state.urgentLeft.map { w[.urgentLeft($0)] },
            urgentSettled: state.urgentLeft == 0,
            due: DueWords.count(overdue: overdue, dueSoon: dueSoon, state.display.language),
            overdue: overdue > 0,
            middle: middle,
            offer: offer,
            clock: "◷ \(w[incident.lostAt == nil ? .sinceStart : .sinceLoss]) \(TimeInput.elapsed(from: start, to: state.now)) ")
    }
}

import LostphoneCore
import TerminalKit

/// What the QR code's box shows: the code, the contact it holds (its summary as the title, its
/// address as the caption), the hint, and what to say when the screen is too small for it.
struct QRCodeContent: Hashable, Sendable {
    var code: QRCode
    var title: String
    var caption: String
    var hint: String
    /// The size the code needs in half blocks, box included.
    var tooSmall: String

    static func make(_ state: AppState, code: QRCode, pick: ContactPick) -> QRCodeContent {
        let lang = state.display.language
        let need = QRCodeView.extent(code, .halfBlocks)
        return QRCodeContent(code: code, title: pick.summary(lang), caption: pick.uri(lang), hint: state.words[.qrHint],
                             tooSmall: state.words[.qrTooSmall(columns: need.columns + 6, rows: need.rows + 4)])
    }
}

import Foundation
import LostphoneCore

/// Copying with OSC 52: the terminal itself puts the text on the clipboard of the machine the
/// person sits at, so it works over SSH and inside tmux (with `set-clipboard on`), where no
/// local clipboard program could.
public enum Clipboard {
    /// `ESC ] 52 ; c ; BASE64 BEL`.
    public static func osc52(_ text: String) -> String {
        "\u{1B}]52;c;" + Data(text.utf8).base64EncodedString() + "\u{07}"
    }
}

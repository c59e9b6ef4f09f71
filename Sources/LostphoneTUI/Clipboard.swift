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

    static func copied(_ what: String, _ language: Language) -> String {
        LocalizedText(zh: "已复制：", en: "Copied: ")[language] + what
    }

    static func again(_ language: Language) -> String {
        LocalizedText(zh: " · 再按 y 复制下一个", en: " · y again for the next")[language]
    }

    static func nothing(_ language: Language) -> String {
        LocalizedText(zh: "这一步没有可复制的号码或网址", en: "This step has no number or address to copy")[language]
    }
}

/// What `y` copies next: the report's path right after an export, else the next contact.
public struct ClipboardCursor: Hashable, Sendable {
    /// The path of the report just written, until another key is pressed.
    public var reportPath: String?
    /// The contact copied last, so the next `y` on the same step copies the next one.
    public var lastContact: ContactPick?
    public init() {}
}

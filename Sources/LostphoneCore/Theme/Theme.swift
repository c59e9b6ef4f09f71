/// A named set of styles, one for each screen element.
public struct Theme: Sendable, Hashable {
    public var name: String
    public var styles: [ThemeElement: Style]

    public init(name: String, styles: [ThemeElement: Style]) {
        self.name = name; self.styles = styles
    }

    /// The style of `element`; an element the theme leaves out looks like plain text.
    public func style(_ element: ThemeElement) -> Style {
        styles[element] ?? styles[.text] ?? .plain
    }

    public subscript(_ element: ThemeElement) -> Style { style(element) }

    /// The last resort, compiled in as Swift: used only if the embedded default theme cannot load.
    public static let fallback: Theme = {
        var s: [ThemeElement: Style] = [:]
        func set(_ e: ThemeElement, _ fg: Color = .default, _ bg: Color = .default, _ a: TextAttributes = []) {
            s[e] = Style(foreground: fg, background: bg, attributes: a)
        }
        set(.text)
        set(.muted, .ansi(8), .default, [.dim])
        set(.header, .ansi(15), .ansi(4))
        set(.headerTitle, .ansi(15), .ansi(4), [.bold])
        set(.paneBorder, .ansi(8))
        set(.paneBorderFocused, .ansi(14), .default, [.bold])
        set(.selection, .default, .default, [.reverse])
        set(.stepPending)
        set(.stepInProgress, .ansi(11), .default, [.bold])
        set(.stepDone, .ansi(10))
        set(.stepBlocked, .ansi(9), .default, [.bold])
        set(.stepSkipped, .ansi(8), .default, [.dim])
        set(.priority, .ansi(13), .default, [.bold])
        set(.heading, .ansi(14), .default, [.bold])
        set(.contactPhone, .ansi(11), .default, [.bold])
        set(.contactWeb, .ansi(12), .default, [.underline])
        set(.contactPath, .ansi(6))
        set(.unconfirmed, .ansi(3), .default, [.dim])
        set(.warning, .ansi(9), .default, [.bold])
        set(.status, .ansi(15), .ansi(8))
        set(.key, .ansi(11), .ansi(8), [.bold])
        set(.error, .ansi(15), .ansi(1), [.bold])
        set(.success, .ansi(0), .ansi(2))
        set(.overlay, .default, .default)
        set(.overlayBorder, .ansi(14), .default, [.bold])
        set(.input, .default, .default, [.underline])
        set(.match, .ansi(0), .ansi(3))
        return Theme(name: "fallback", styles: s)
    }()
}

import Foundation
@testable import LostphoneCore

/// WCAG 2 contrast of a style as a terminal shows it: after degrading to the terminal's colours,
/// with reverse video applied and bold drawn as the bright colour for colours 0–7 (what most
/// terminals do). The terminal's own colours (`default`) are taken as given.
public enum Contrast {
    public typealias RGB = (UInt8, UInt8, UInt8)

    /// The terminal's own foreground and background, which a theme's `default` means.
    public struct TerminalColors: Sendable {
        public var foreground: RGB
        public var background: RGB
        public init(foreground: RGB, background: RGB) { self.foreground = foreground; self.background = background }
        /// A dark terminal: xterm's light grey on black.
        public static let dark = TerminalColors(foreground: (229, 229, 229), background: (0, 0, 0))
        /// A light terminal: black on white.
        public static let light = TerminalColors(foreground: (0, 0, 0), background: (255, 255, 255))
    }

    /// WCAG relative luminance.
    public static func luminance(_ c: RGB) -> Double {
        func channel(_ v: UInt8) -> Double {
            let s = Double(v) / 255
            return s <= 0.04045 ? s / 12.92 : pow((s + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(c.0) + 0.7152 * channel(c.1) + 0.0722 * channel(c.2)
    }

    /// WCAG contrast ratio, 1 to 21.
    public static func ratio(_ a: RGB, _ b: RGB) -> Double {
        let (la, lb) = (luminance(a), luminance(b))
        return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
    }

    /// The colours `style` shows on a terminal of `depth` whose own colours are `terminal`.
    public static func shown(_ style: Style, depth: ColorDepth, terminal: TerminalColors) -> (foreground: RGB, background: RGB) {
        let s = style.degraded(to: depth)
        var fg = s.foreground
        if s.attributes.contains(.bold) {
            switch fg {
            case .ansi(let n) where n < 8: fg = .ansi(n + 8)
            case .indexed(let n) where n < 8: fg = .indexed(n + 8)
            default: break
            }
        }
        var pair = (fg.rgb ?? terminal.foreground, s.background.rgb ?? terminal.background)
        if s.attributes.contains(.reverse) { pair = (pair.1, pair.0) }
        return pair
    }

    /// The contrast ratio of `style` as shown.
    public static func of(_ style: Style, depth: ColorDepth, terminal: TerminalColors) -> Double {
        let (fg, bg) = shown(style, depth: depth, terminal: terminal)
        return ratio(fg, bg)
    }
}

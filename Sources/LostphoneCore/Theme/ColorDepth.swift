/// How many colours the terminal can show. Themes are written for the richest terminal and
/// degraded to this.
public enum ColorDepth: Int, Comparable, Sendable, CaseIterable {
    /// Attributes only: `NO_COLOR` is set, or the terminal has no colour.
    case none
    case ansi8
    case ansi16
    case indexed256
    /// 24-bit colour, where the terminal description says it can (for example `xterm-direct`).
    case truecolor

    public static func < (a: ColorDepth, b: ColorDepth) -> Bool { a.rawValue < b.rawValue }

    /// From the terminal's colour count (terminfo `colors`) and the environment. `NO_COLOR` set
    /// and not empty wins; set but empty it means nothing (https://no-color.org).
    public static func detect(colors: Int, environment: [String: String]) -> ColorDepth {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .none }
        switch colors {
        case ..<8: return .none
        case 8..<16: return .ansi8
        case 16..<256: return .ansi16
        case 256..<0x1000000: return .indexed256
        default: return .truecolor
        }
    }
}

extension Color {
    /// xterm's default values for the 16 ANSI colours, for finding the nearest one.
    static let ansiRGB: [(UInt8, UInt8, UInt8)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]
    private static let cubeLevels: [Int] = [0, 95, 135, 175, 215, 255]

    /// The RGB value of this colour as a standard xterm shows it; nil for the terminal default.
    public var rgb: (UInt8, UInt8, UInt8)? {
        switch self {
        case .default: return nil
        case .ansi(let n): return Color.ansiRGB[Int(n & 15)]
        case .rgb(let r, let g, let b): return (r, g, b)
        case .indexed(let n):
            let i = Int(n)
            if i < 16 { return Color.ansiRGB[i] }
            if i >= 232 { let v = UInt8(8 + 10 * (i - 232)); return (v, v, v) }
            let c = i - 16
            return (UInt8(Color.cubeLevels[c / 36]), UInt8(Color.cubeLevels[(c / 6) % 6]), UInt8(Color.cubeLevels[c % 6]))
        }
    }

    /// The nearest colour this terminal can show.
    public func degraded(to depth: ColorDepth) -> Color {
        switch (self, depth) {
        case (.default, _): return .default
        case (_, .none): return .default
        case (_, .truecolor): return self
        case (.ansi(let n), .ansi8) where n < 8: return self
        case (.ansi, .ansi16), (.ansi, .indexed256): return self
        case (.indexed(let n), .indexed256): return .indexed(n)
        case (.indexed(let n), _) where n < 16: return Color.ansi(n).degraded(to: depth)
        case (.rgb(let r, let g, let b), .indexed256): return .indexed(Color.nearest256(r, g, b))
        default:
            guard let (r, g, b) = rgb else { return .default }
            let count = depth == .ansi8 ? 8 : 16
            // A grey goes to a grey: the nearest hue by distance alone is often cyan, which
            // surprises everyone.
            let isGrey = Int(max(r, g, b)) - Int(min(r, g, b)) < 24
            let candidates = (0..<count).filter { !isGrey || [0, 7, 8, 15].contains($0) }
            let best = Color.nearest(r, g, b, among: candidates.map { Color.ansiRGB[$0] })
            return .ansi(UInt8(candidates[best]))
        }
    }

    /// The colour number ncurses takes, after degrading; -1 is the terminal's default.
    public func curses(for depth: ColorDepth) -> Int {
        let color = degraded(to: depth)
        switch color {
        case .default: return -1
        case .ansi(let n), .indexed(let n):
            // A direct-colour entry (xterm-direct) reads a number from 8 up as a 24-bit value,
            // 0–7 being the ANSI colours: a palette colour from 8 up goes there as its RGB value,
            // or 14 (bright cyan) would be drawn as rgb(0, 0, 14), nearly black.
            if depth == .truecolor, n >= 8, let (r, g, b) = color.rgb { return Int(r) << 16 | Int(g) << 8 | Int(b) }
            return Int(n)
        case .rgb(let r, let g, let b):
            // Direct-colour terminfo entries take the 24-bit value as the colour number.
            return Int(r) << 16 | Int(g) << 8 | Int(b)
        }
    }

    /// Nearest entry of the 6×6×6 cube or the grey ramp (16–255). The first 16 are left out on
    /// purpose: many people remap them, so they are not a reliable match for an exact colour.
    static func nearest256(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> UInt8 {
        func level(_ v: UInt8) -> Int { cubeLevels.indices.min { abs(cubeLevels[$0] - Int(v)) < abs(cubeLevels[$1] - Int(v)) }! }
        let (ri, gi, bi) = (level(r), level(g), level(b))
        let cube = 16 + 36 * ri + 6 * gi + bi
        let cubeRGB = (UInt8(cubeLevels[ri]), UInt8(cubeLevels[gi]), UInt8(cubeLevels[bi]))
        let average = (Int(r) + Int(g) + Int(b)) / 3
        let grey = min(23, max(0, (average - 8 + 5) / 10))
        let greyValue = UInt8(8 + 10 * grey)
        let dc = distance((r, g, b), cubeRGB)
        let dg = distance((r, g, b), (greyValue, greyValue, greyValue))
        return UInt8(dg < dc ? 232 + grey : cube)
    }

    static func nearest(_ r: UInt8, _ g: UInt8, _ b: UInt8, among palette: [(UInt8, UInt8, UInt8)]) -> Int {
        palette.indices.min { distance((r, g, b), palette[$0]) < distance((r, g, b), palette[$1]) } ?? 0
    }

    /// "Redmean" weighted distance: cheap, and closer to what the eye sees than plain RGB.
    static func distance(_ a: (UInt8, UInt8, UInt8), _ b: (UInt8, UInt8, UInt8)) -> Int {
        let rm = (Int(a.0) + Int(b.0)) / 2
        let dr = Int(a.0) - Int(b.0), dg = Int(a.1) - Int(b.1), db = Int(a.2) - Int(b.2)
        // Shifts bind tighter than * in Swift: the products are parenthesised.
        return (((512 + rm) * dr * dr) >> 8) + 4 * dg * dg + (((767 - rm) * db * db) >> 8)
    }
}

extension Style {
    /// This style on a terminal of `depth`. Without colour, a style that stood out by its
    /// background (a header, a selection) is shown in reverse video instead, so it still stands out.
    public func degraded(to depth: ColorDepth) -> Style {
        guard depth != .none else {
            var attributes = self.attributes
            if background != .default { attributes.insert(.reverse) }
            return Style(foreground: .default, background: .default, attributes: attributes)
        }
        return Style(foreground: foreground.degraded(to: depth), background: background.degraded(to: depth), attributes: attributes)
    }
}

/// A QR code as a square of modules, without its quiet zone.
public struct QRCode: Hashable, Sendable {
    /// Modules per side.
    public let size: Int
    /// Row by row; true is a dark module.
    public let modules: [Bool]

    public init(size: Int, modules: [Bool]) {
        precondition(modules.count == size * size, "a QR code has size × size modules")
        self.size = size
        self.modules = modules
    }

    /// Whether the module at column `x`, row `y` is dark; outside the code (the quiet zone) is light.
    public func isDark(x: Int, y: Int) -> Bool {
        guard x >= 0, y >= 0, x < size, y < size else { return false }
        return modules[y * size + x]
    }

    /// A plain PBM image (P1) with `quietZone` light modules around the code and `scale` pixels
    /// per module, for a decoder to read.
    public func pbm(quietZone: Int = 4, scale: Int = 4) -> String {
        let side = (size + 2 * quietZone) * scale
        var out = "P1\n\(side) \(side)\n"
        for py in 0..<side {
            var row: [String] = []
            row.reserveCapacity(side)
            for px in 0..<side {
                row.append(isDark(x: px / scale - quietZone, y: py / scale - quietZone) ? "1" : "0")
            }
            out += row.joined(separator: " ") + "\n"
        }
        return out
    }
}

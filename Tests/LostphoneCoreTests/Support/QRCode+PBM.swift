import LostphoneCore

/// For the tests only: a code as an image zbarimg can read back.
extension QRCode {
    /// A plain PBM image (P1) with `quietZone` light modules around the code and `scale` pixels
    /// per module, for a decoder to read.
    func pbm(quietZone: Int = 4, scale: Int = 4) -> String {
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

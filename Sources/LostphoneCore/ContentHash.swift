import Foundation

/// A fast 64-bit hash of bytes, for naming and checking files we derive from others (the compiled
/// playbook cache, the journal checkpoint). Not cryptographic; it is there to notice change.
///
/// Eight bytes at a time: `h = (rotl(h, 5) ^ word) * K`, FxHash's step, then MurmurHash3's final
/// mix. Each step is a bijection of `h` for a given word, so two inputs of the same length that
/// differ in one word never hash alike.
public enum ContentHash {
    private static let k: UInt64 = 0x517c_c1b7_2722_0a95

    public static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(bytes.count)
        let n = bytes.count
        var i = 0
        while i + 8 <= n {
            h = (((h << 5) | (h >> 59)) ^ bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* k
            i += 8
        }
        var last: UInt64 = 0
        var shift: UInt64 = 0
        while i < n {
            last |= UInt64(bytes[i]) << shift
            shift += 8
            i += 1
        }
        h = (((h << 5) | (h >> 59)) ^ last) &* k
        h ^= h >> 33
        h &*= 0xff51_afd7_ed55_8ccd
        h ^= h >> 33
        h &*= 0xc4ce_b9fe_1a85_ec53
        h ^= h >> 33
        return h
    }

    public static func of<C: ContiguousBytes>(_ bytes: C) -> UInt64 {
        bytes.withUnsafeBytes { of($0) }
    }

    /// Sixteen lower-case hex digits.
    public static func hex(_ value: UInt64) -> String {
        let s = String(value, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }
}

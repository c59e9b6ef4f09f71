import Foundation

/// A compact positional binary form for values we derive and read back ourselves (the compiled
/// playbook cache): integers as LEB128 varints (zigzag for sign), strings as a length and UTF-8.
/// No keys and no self-description: writer and reader must agree field by field, and a format
/// line in front of every such file says which agreement it was written with.
///
/// Why not JSON: decoding the 10,000-step benchmark playbook with `JSONDecoder` took 355 ms
/// (6 MB of JSON), `PropertyListDecoder` 900 ms; this form takes a small fraction of that.
struct ByteWriter {
    private(set) var bytes: [UInt8] = []

    mutating func int(_ value: Int) {
        var v = UInt64(bitPattern: Int64((value << 1) ^ (value >> (Int.bitWidth - 1))))
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            int(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    /// A length, then the bytes as they are.
    mutating func raw(_ value: Data) {
        int(value.count)
        bytes.append(contentsOf: value)
    }

    mutating func optional<T>(_ value: T?, _ write: (inout ByteWriter, T) -> Void) {
        bool(value != nil)
        if let value { write(&self, value) }
    }

    mutating func array<T>(_ values: [T], _ write: (inout ByteWriter, T) -> Void) {
        int(values.count)
        for value in values { write(&self, value) }
    }
}

/// Reads what `ByteWriter` wrote; any mismatch (too short, a bad value) throws, never traps.
struct ByteReader {
    struct Malformed: Error {}

    private let bytes: UnsafeRawBufferPointer
    private var offset = 0

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    var isAtEnd: Bool { offset == bytes.count }

    /// `read` applied to all of `data`: nil when it throws or leaves bytes over.
    static func whole<T>(_ data: Data, _ read: (inout ByteReader) throws -> T) -> T? {
        data.withUnsafeBytes { buffer -> T? in
            var reader = ByteReader(buffer)
            guard let value = try? read(&reader), reader.isAtEnd else { return nil }
            return value
        }
    }

    mutating func int() throws -> Int {
        var v: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < bytes.count, shift < 64 else { throw Malformed() }
            let byte = bytes[offset]
            offset += 1
            v |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { break }
            shift += 7
        }
        // Zigzag back, with a logical shift: the top bit is data, not a sign.
        return Int(Int64(bitPattern: (v >> 1) ^ (0 &- (v & 1))))
    }

    mutating func count() throws -> Int {
        let n = try int()
        guard n >= 0, n <= bytes.count - offset else { throw Malformed() }
        return n
    }

    mutating func bool() throws -> Bool {
        guard offset < bytes.count, bytes[offset] <= 1 else { throw Malformed() }
        offset += 1
        return bytes[offset - 1] == 1
    }

    mutating func string() throws -> String {
        String(decoding: try raw(), as: UTF8.self)
    }

    /// What `ByteWriter.raw` wrote, without copying.
    mutating func raw() throws -> UnsafeRawBufferPointer {
        let n = try count()
        defer { offset += n }
        return UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + n)])
    }

    mutating func optional<T>(_ read: (inout ByteReader) throws -> T) throws -> T? {
        try bool() ? try read(&self) : nil
    }

    mutating func array<T>(_ read: (inout ByteReader) throws -> T) throws -> [T] {
        let n = try count()   // each element takes at least one byte
        var values: [T] = []
        values.reserveCapacity(n)
        for _ in 0..<n { values.append(try read(&self)) }
        return values
    }
}

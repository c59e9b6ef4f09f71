import CQRencode
#if canImport(Glibc)
import Glibc
#endif

/// Why no QR code could be made, and how to get one.
public struct QRCodeUnavailable: Error, Hashable, Sendable {
    public var problem: QRCodeProblem
    public init(_ problem: QRCodeProblem) { self.problem = problem }
    /// Why, and what to do, in `language`; `message` is the English.
    public func text(_ language: Language) -> String { problem.text(in: language) }
    public var message: String { text(.en) }
}

/// Encodes text as a QR code with Debian's libqrencode, loaded when first needed (`dlopen`), so
/// the program builds and runs without it; only `Q` needs it.
public enum QREncoder {
    public static let libraryName = "libqrencode.so.4"
    public static let installHint = "apt-get install libqrencode4"

    private struct Library: @unchecked Sendable {
        let encode: lp_qrcode_encode_string_fn
        let free: lp_qrcode_free_fn
    }

    private static let library: Result<Library, QRCodeUnavailable> = {
        guard let handle = dlopen(libraryName, RTLD_NOW | RTLD_LOCAL) else {
            return .failure(QRCodeUnavailable(.notInstalled(library: libraryName, install: installHint)))
        }
        guard let encode = dlsym(handle, "QRcode_encodeString"), let free = dlsym(handle, "QRcode_free") else {
            return .failure(QRCodeUnavailable(.lacksFunction(library: libraryName, install: installHint)))
        }
        return .success(Library(encode: unsafeBitCast(encode, to: lp_qrcode_encode_string_fn.self),
                                free: unsafeBitCast(free, to: lp_qrcode_free_fn.self)))
    }()

    /// Whether the library could be loaded.
    public static var isAvailable: Bool { (try? library.get()) != nil }

    /// `text` as a QR code (error correction M, the smallest version that holds it).
    public static func encode(_ text: String) -> Result<QRCode, QRCodeUnavailable> {
        let lib: Library
        switch library {
        case .success(let l): lib = l
        case .failure(let f): return .failure(f)
        }
        guard let code = lib.encode(text, 0, Int32(LP_QR_ECLEVEL_M), Int32(LP_QR_MODE_8), 1) else {
            return .failure(QRCodeUnavailable(.tooLong))
        }
        defer { lib.free(code) }
        let size = Int(code.pointee.width)
        guard size > 0, let data = code.pointee.data else {
            return .failure(QRCodeUnavailable(.emptyCode))
        }
        let modules = (0..<(size * size)).map { data[$0] & 1 == 1 }
        return .success(QRCode(size: size, modules: modules))
    }
}

/// A 128-bit key identifying one input record: its source, its offset in the source and a
/// hash of its raw bytes (see ``init(source:raw:offset:)`` for the layout). It is not a
/// cryptographic hash and does not need to be: inputs are not adversarial to each other.
public struct DedupeKey: Sendable, Hashable, Codable {
    public var high: UInt64
    public var low: UInt64

    public init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    /// Builds the key of the record at `offset` in `source`.
    ///
    /// Layout (big-endian, so the store's index orders keys bytewise):
    /// `[32-bit hash of the source][48-bit offset][48-bit hash of the raw bytes]`.
    /// Records of one source arrive in offset order, so their keys *increase*: the store's
    /// unique index is appended to instead of written at random places, which is what makes
    /// bulk ingest fast. Two keys collide only for the same source and offset with raw bytes
    /// whose 48-bit hashes collide (a file rewritten in place: odds 1 in 2.8·10^14).
    public init(source: String, raw: UnsafeRawBufferPointer, offset: Int64) {
        self.init(sourceHash: Self.sourceHash(source), raw: raw, offset: offset)
    }

    /// The 32-bit hash of a source that ``init(sourceHash:raw:offset:)`` takes, for callers that
    /// key many records of one source (a file's parser computes it once, not once per line).
    public static func sourceHash(_ source: String) -> UInt64 {
        var sourceHasher = RecordHasher()
        var sourceCopy = source
        sourceCopy.withUTF8 { sourceHasher.combine(UnsafeRawBufferPointer($0)) }
        return sourceHasher.finalize() >> 32
    }

    /// The key of the record at `offset` in the source whose ``sourceHash(_:)`` is `sourceHash`.
    public init(sourceHash: UInt64, raw: UnsafeRawBufferPointer, offset: Int64) {
        var contentHasher = RecordHasher()
        contentHasher.combine(raw)
        let contentHash = contentHasher.finalize() & 0xFFFF_FFFF_FFFF
        let position = UInt64(bitPattern: offset) & 0xFFFF_FFFF_FFFF
        high = sourceHash << 32 | position >> 16
        low = (position & 0xFFFF) << 48 | contentHash
    }

    public init(source: String, raw: [UInt8], offset: Int64) {
        self = raw.withUnsafeBytes { DedupeKey(source: source, raw: $0, offset: offset) }
    }

    /// Big-endian 16 bytes, the form the store indexes.
    public var bytes: [UInt8] {
        var out = [UInt8](repeating: 0, count: 16)
        for index in 0..<8 {
            out[index] = UInt8(truncatingIfNeeded: high >> (56 - 8 * UInt64(index)))
            out[8 + index] = UInt8(truncatingIfNeeded: low >> (56 - 8 * UInt64(index)))
        }
        return out
    }

    public init?(bytes: [UInt8]) {
        guard bytes.count == 16 else { return nil }
        var high: UInt64 = 0
        var low: UInt64 = 0
        for index in 0..<8 {
            high = high << 8 | UInt64(bytes[index])
            low = low << 8 | UInt64(bytes[8 + index])
        }
        self.init(high: high, low: low)
    }

    public var hex: String {
        bytes.map { byte in
            let digits = Array("0123456789abcdef".utf8)
            return String(decoding: [digits[Int(byte >> 4)], digits[Int(byte & 0xF)]], as: UTF8.self)
        }.joined()
    }

    /// The key written as ``hex`` (32 lowercase hex digits); nil for anything else.
    public init?(hex: String) {
        let digits = Array(hex.utf8)
        guard digits.count == 32 else { return nil }
        func nibble(_ digit: UInt8) -> UInt8? {
            switch digit {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
            default: nil
            }
        }
        var bytes: [UInt8] = []
        for index in stride(from: 0, to: 32, by: 2) {
            guard let high = nibble(digits[index]), let low = nibble(digits[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
        }
        self.init(bytes: bytes)
    }
}

/// The 64-bit streaming hash used by ``DedupeKey``.
///
/// It once had a second lane that nothing read (keys take only this lane's bits); it was dropped
/// as dead code, and every key is as it was (a test pins one). The optimiser had already
/// removed it: parser CPU did not change.
struct RecordHasher {
    private var a: UInt64 = 0x9E37_79B9_7F4A_7C15
    private var length: UInt64 = 0

    private static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func combine(word: UInt64) {
        a = Self.mix(a ^ word) &+ 0x1656_67B1_9E37_79F9
        length &+= 8
    }

    mutating func combine(_ bytes: UnsafeRawBufferPointer) {
        var index = 0
        let count = bytes.count
        while index + 8 <= count {
            let word = bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            combine(word: UInt64(littleEndian: word))
            index += 8
        }
        if index < count {
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while index < count {
                tail |= UInt64(bytes[index]) << shift
                shift += 8
                index += 1
            }
            combine(word: tail ^ (UInt64(count & 7) << 56))
        }
        length &+= UInt64(count)
    }

    func finalize() -> UInt64 {
        Self.mix(a ^ length)
    }
}

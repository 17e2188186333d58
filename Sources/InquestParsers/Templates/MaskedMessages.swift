/// A batch of masked messages (``MessageMasker``) in one byte buffer, each with a 64-bit hash of
/// its bytes: what the parsing threads hand the template miner. One growing buffer per batch
/// instead of one string per message, so a message costs no allocation on the parsing thread and
/// no free on the miner's, and the miner's shape cache finds a message by its hash without hashing
/// its text again (``TemplateMiner/mine(_:)-(MaskedMessages)``).
public struct MaskedMessages: Sendable, Equatable {
    /// Every message's masked bytes, one after the other.
    private(set) var bytes: [UInt8] = []
    /// Where each message's bytes end in `bytes`.
    private(set) var ends: [Int] = []
    /// Each message's ``hash(_:)``.
    private(set) var hashes: [UInt64] = []

    public init() {}

    /// Masks each of `messages`, in order.
    public init(masking messages: some Sequence<String>) {
        for message in messages { append(masking: message) }
    }

    /// The number of messages.
    public var count: Int { ends.count }

    public var isEmpty: Bool { ends.isEmpty }

    /// Masks `message` and appends it.
    public mutating func append(masking message: String) {
        var message = message
        message.withUTF8 { source in
            let start = bytes.count
            let capacity = MessageMasker.maskedCapacity(forBytes: source.count)
            bytes.append(contentsOf: repeatElement(0, count: capacity))
            let written = bytes.withUnsafeMutableBufferPointer { all in
                MessageMasker.mask(source, into: UnsafeMutableBufferPointer(rebasing: all[start...]))
            }
            bytes.removeLast(capacity - written)
            finishMessage(startingAt: start)
        }
    }

    /// Appends a text already masked (``MessageMasker/masked(_:)``).
    public mutating func append(masked text: String) {
        let start = bytes.count
        bytes.append(contentsOf: text.utf8)
        finishMessage(startingAt: start)
    }

    /// The masked text of message `index`.
    public subscript(index: Int) -> String {
        let start = index == 0 ? 0 : ends[index - 1]
        return String(decoding: bytes[start..<ends[index]], as: UTF8.self)
    }

    /// Calls `body` with each message's bytes and hash, in order.
    func forEach(_ body: (UnsafeBufferPointer<UInt8>, UInt64) -> Void) {
        bytes.withUnsafeBufferPointer { all in
            var start = 0
            for index in ends.indices {
                body(UnsafeBufferPointer(rebasing: all[start..<ends[index]]), hashes[index])
                start = ends[index]
            }
        }
    }

    private mutating func finishMessage(startingAt start: Int) {
        ends.append(bytes.count)
        let hash = bytes.withUnsafeBufferPointer { Self.hash(UnsafeBufferPointer(rebasing: $0[start...])) }
        hashes.append(hash)
    }

    /// A fast 64-bit hash of `bytes` (eight bytes per multiply; not for untrusted keys on its own:
    /// the miner compares the bytes of a hit, so a collision costs a cache miss, never a wrong template).
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
        var hash = UInt64(truncatingIfNeeded: bytes.count) &* multiplier
        let raw = UnsafeRawBufferPointer(bytes)
        var offset = 0
        while offset + 8 <= raw.count {
            let word = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            hash = (hash ^ word) &* multiplier
            hash ^= hash >> 29
            offset += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while offset < raw.count {
            tail |= UInt64(raw[offset]) << shift
            shift += 8
            offset += 1
        }
        hash = (hash ^ tail) &* multiplier
        hash ^= hash >> 32
        return hash
    }
}

/// The bytes of a masked message as ``MessageMasker`` writes them, straight into the storage of
/// the string it returns (no array grown byte by byte): a write position over storage the caller
/// sized for the worst case, checked on every write so a wrong size traps instead of overrunning.
struct MaskedBytes {
    private let storage: UnsafeMutableBufferPointer<UInt8>
    private(set) var count = 0

    init(_ storage: UnsafeMutableBufferPointer<UInt8>) {
        self.storage = storage
    }

    subscript(index: Int) -> UInt8 { storage[index] }

    mutating func append(_ byte: UInt8) {
        precondition(count < storage.count, "masked message longer than its reserved storage")
        storage[count] = byte
        count += 1
    }

    /// Appends `source[start..<end]`.
    mutating func append(_ source: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) {
        guard end > start else { return }
        precondition(count + end - start <= storage.count, "masked message longer than its reserved storage")
        guard let target = storage.baseAddress, let origin = source.baseAddress else { return }
        (target + count).update(from: origin + start, count: end - start)
        count += end - start
    }

    mutating func appendWildcard() {
        for byte in MessageMasker.wildcardBytes { append(byte) }
    }

    mutating func removeLast() {
        precondition(count > 0, "nothing to remove")
        count -= 1
    }
}

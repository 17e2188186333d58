/// FNV-1a, 64 bits: a fast hash of short byte strings for the store's in-memory group tables
/// (never persisted, so it may change).
enum FNV1aHash {
    static func of(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        return hash
    }
}

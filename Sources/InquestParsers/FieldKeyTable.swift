/// An allocation-free lookup from a key's bytes (case-insensitive, up to 16 bytes) to its
/// ``FieldRole`` and rank: keys are packed into two 64-bit words and found by open addressing.
struct FieldKeyTable: Sendable {
    private struct Slot: Sendable {
        var low: UInt64
        var high: UInt64
        var length: UInt8
        var role: UInt8
        var rank: UInt8
    }

    private static let size = 256
    private var slots: [Slot]

    static let shared = FieldKeyTable(FieldRole.keys)

    init(_ keys: [(String, FieldRole, UInt8)]) {
        slots = Array(repeating: Slot(low: 0, high: 0, length: 0, role: 0, rank: 0), count: Self.size)
        for (key, role, rank) in keys {
            let bytes = Array(key.utf8)
            let packed = bytes.withUnsafeBufferPointer { Self.pack($0, 0, $0.count) }
            guard let (low, high) = packed else { continue }
            var index = Self.hash(low, high, bytes.count)
            while slots[index].length != 0 { index = (index + 1) & (Self.size - 1) }
            slots[index] = Slot(low: low, high: high, length: UInt8(bytes.count), role: role.rawValue, rank: rank)
        }
    }

    @inline(__always) private static func pack(_ b: Bytes, _ start: Int, _ end: Int) -> (UInt64, UInt64)? {
        let length = end - start
        guard length > 0, length <= 16 else { return nil }
        var low: UInt64 = 0
        var high: UInt64 = 0
        var i = start
        while i < end && i < start + 8 {
            low = low << 8 | UInt64(ASCII.lowered(b[i]))
            i += 1
        }
        while i < end {
            high = high << 8 | UInt64(ASCII.lowered(b[i]))
            i += 1
        }
        return (low, high)
    }

    @inline(__always) private static func hash(_ low: UInt64, _ high: UInt64, _ length: Int) -> Int {
        let mixed = (low &* 0x9E37_79B9_7F4A_7C15) ^ (high &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(length)
        return Int(truncatingIfNeeded: mixed >> 56)
    }

    /// The role and rank of the key bytes `start..<end`, or nil.
    @inline(__always) func lookup(_ b: Bytes, _ start: Int, _ end: Int) -> (role: FieldRole, rank: UInt8)? {
        guard let (low, high) = Self.pack(b, start, end) else { return nil }
        let length = UInt8(end - start)
        var index = Self.hash(low, high, end - start)
        while true {
            let slot = slots[index]
            if slot.length == 0 { return nil }
            if slot.low == low && slot.high == high && slot.length == length {
                guard let role = FieldRole(rawValue: slot.role) else { return nil }
                return (role, slot.rank)
            }
            index = (index + 1) & (Self.size - 1)
        }
    }

    /// Same, for a key given as an array (a flattened nested key).
    func lookup(_ key: [UInt8]) -> (role: FieldRole, rank: UInt8)? {
        key.withUnsafeBufferPointer { lookup($0, 0, $0.count) }
    }
}

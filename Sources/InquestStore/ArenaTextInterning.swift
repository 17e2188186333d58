/// The distinct texts among a ``BindingArena``'s values, each numbered in order of first sight,
/// found by hashing their bytes (no `String` made): how ``MinuteCountGroups`` turns services,
/// hosts and source kinds into small integers.
struct ArenaTextInterning {
    private let arena: BindingArena
    /// The arena value of each distinct text, by number.
    private(set) var values: [Int] = []
    /// The number of the first text seen with each hash; a text whose hash is taken by another
    /// is found by comparing with every known text (64-bit FNV-1a collisions among a batch's few
    /// distinct texts are not expected, but stay exact).
    private var byHash: [UInt64: Int32] = [:]

    init(_ arena: BindingArena) {
        self.arena = arena
    }

    /// The number of the text in arena value `value`, numbering it when new; -1 for NULL.
    mutating func index(of value: Int) -> Int64 {
        let slice = arena.slices[value]
        guard slice.length >= 0 else { return -1 }
        let hash = arena.bytes.withUnsafeBufferPointer { bytes in
            FNV1aHash.of(UnsafeBufferPointer(rebasing: bytes[slice.offset..<(slice.offset + Int(slice.length))]))
        }
        if let known = byHash[hash], equal(values[Int(known)], value) { return Int64(known) }
        if byHash[hash] != nil, let known = values.firstIndex(where: { equal($0, value) }) { return Int64(known) }
        let index = Int32(values.count)
        values.append(value)
        if byHash[hash] == nil { byHash[hash] = index }
        return Int64(index)
    }

    /// Whether arena values `a` and `b` hold the same bytes.
    private func equal(_ a: Int, _ b: Int) -> Bool {
        let first = arena.slices[a]
        let second = arena.slices[b]
        guard first.length == second.length else { return false }
        guard first.length > 0 else { return true }
        return arena.bytes[first.offset..<(first.offset + Int(first.length))]
            .elementsEqual(arena.bytes[second.offset..<(second.offset + Int(second.length))])
    }
}

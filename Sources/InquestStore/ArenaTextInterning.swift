/// The distinct texts among a ``BindingArena``'s bytes, each numbered in order of first sight,
/// found by hashing their bytes (no `String` made): how ``MinuteCountGroups`` turns services,
/// hosts and source kinds into small integers, and ``AttributeCountGroups`` attribute keys and
/// values (byte ranges inside an event's attributes).
struct ArenaTextInterning {
    private let arena: BindingArena
    /// Where each distinct text sits in the arena's bytes, by number.
    private(set) var slices: [BindingArena.Slice] = []
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
        // The previous event's value in the same column (a batch's file, its source kind) is
        // compared first, before hashing.
        let column = value % EventInsertion.arenaValuesPerRow
        if let last = lastOfColumn[column], equal(last.slice, slice) { return last.index }
        let index = index(of: slice)
        lastOfColumn[column] = (slice, index)
        return index
    }

    private var lastOfColumn = [(slice: BindingArena.Slice, index: Int64)?](repeating: nil, count: EventInsertion.arenaValuesPerRow)

    /// The number of the bytes `slice` covers, numbering them when new.
    mutating func index(of slice: BindingArena.Slice) -> Int64 {
        let hash = arena.bytes.withUnsafeBufferPointer { bytes in
            FNV1aHash.of(UnsafeBufferPointer(rebasing: bytes[slice.offset..<(slice.offset + Int(slice.length))]))
        }
        if let known = byHash[hash], equal(slices[Int(known)], slice) { return Int64(known) }
        if byHash[hash] != nil, let known = slices.firstIndex(where: { equal($0, slice) }) { return Int64(known) }
        let index = Int32(slices.count)
        slices.append(slice)
        if byHash[hash] == nil { byHash[hash] = index }
        return Int64(index)
    }

    /// Whether slices `first` and `second` hold the same bytes.
    private func equal(_ first: BindingArena.Slice, _ second: BindingArena.Slice) -> Bool {
        guard first.length == second.length else { return false }
        guard first.length > 0 else { return true }
        return arena.bytes[first.offset..<(first.offset + Int(first.length))]
            .elementsEqual(arena.bytes[second.offset..<(second.offset + Int(second.length))])
    }
}

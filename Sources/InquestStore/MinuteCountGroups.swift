import GRDBSQLite
import InquestCore

/// One batch's events grouped by the keys of one ``MinuteCounts`` table (the minute, then
/// ``MinuteCountKey``s), with the number of events in each group, built from the batch's
/// flattened columns without making a `String` per event: texts (services, hosts, source kinds)
/// are interned by their bytes in the arena, and the group of an event is found by hashing
/// integers.
struct MinuteCountGroups {
    private struct Key: Hashable {
        var minute: Int64
        /// One value per key, in the table's key order: an index into ``texts`` (-1 for none)
        /// for a text key, the number itself for severity and template.
        var values: SIMD4<Int64>
    }

    private let events: EncodedEvents
    private let keys: [MinuteCountKey]
    /// The distinct text values, as arena values (event × per-row + column).
    private var texts: [Int] = []
    private var groups: [Key] = []
    private var counts: [Int64] = []

    var isEmpty: Bool { groups.isEmpty }

    /// Groups `events` by `keys` (at most four).
    init(_ events: EncodedEvents, keys: [MinuteCountKey]) {
        precondition(keys.count <= 4, "a minute count table has at most four keys besides the minute")
        self.events = events
        self.keys = keys
        var interned: [UInt64: [Int32]] = [:]
        var indexes: [Key: Int] = [:]
        let arena = events.arena
        arena.bytes.withUnsafeBufferPointer { bytes in
            arena.slices.withUnsafeBufferPointer { slices in
                /// The index in `texts` of the arena value `value`, interning it when new; -1 for NULL.
                func intern(_ value: Int) -> Int64 {
                    let slice = slices[value]
                    guard slice.length >= 0 else { return -1 }
                    let text = UnsafeBufferPointer(rebasing: bytes[slice.offset..<(slice.offset + Int(slice.length))])
                    let hash = FNV1aHash.of(text)
                    if let chain = interned[hash] {
                        for index in chain {
                            let known = slices[texts[Int(index)]]
                            if known.length == slice.length,
                               bytes[known.offset..<(known.offset + Int(known.length))].elementsEqual(text) {
                                return Int64(index)
                            }
                        }
                    }
                    let index = Int32(texts.count)
                    texts.append(value)
                    interned[hash, default: []].append(index)
                    return Int64(index)
                }
                for (event, numbers) in events.numbers.enumerated() {
                    let first = event * EventInsertion.arenaValuesPerRow
                    var values = SIMD4<Int64>()
                    for (position, key) in keys.enumerated() {
                        values[position] = switch key {
                        case .severity: numbers.severity
                        case .template: numbers.templateID
                        case .service, .host, .sourceKind: intern(first + (key.encodedText ?? 0))
                        }
                    }
                    let key = Key(minute: MinuteCounts.bucketMinute(of: numbers.timestamp), values: values)
                    if let group = indexes[key] {
                        counts[group] += 1
                    } else {
                        indexes[key] = groups.count
                        groups.append(key)
                        counts.append(1)
                    }
                }
            }
        }
    }

    /// Binds each group in turn to `handle` (``MinuteCounts/upsertSQL``'s parameters: the
    /// minute, one per key, the count) and calls `step`; stops at the first code other than
    /// SQLITE_DONE and returns it.
    func bind(to handle: OpaquePointer?, step: (OpaquePointer?) -> CInt) -> CInt {
        let arena = events.arena
        return arena.bytes.withUnsafeBufferPointer { bytes -> CInt in
            guard let base = bytes.baseAddress else { return SQLITE_MISUSE }
            return arena.slices.withUnsafeBufferPointer { slices -> CInt in
                func text(_ index: Int64, _ parameter: CInt) -> CInt {
                    guard index >= 0 else { return sqlite3_bind_null(handle, parameter) }
                    let slice = slices[texts[Int(index)]]
                    let pointer = UnsafeRawPointer(base + slice.offset).assumingMemoryBound(to: CChar.self)
                    return sqlite3_bind_text(handle, parameter, pointer, slice.length, BindingArena.staticValue)
                }
                for (group, count) in zip(groups, counts) {
                    sqlite3_reset(handle)
                    var code = sqlite3_bind_int64(handle, 1, group.minute)
                    for (position, key) in keys.enumerated() where code == SQLITE_OK {
                        let parameter = CInt(position + 2)
                        code = key.encodedText == nil
                            ? sqlite3_bind_int64(handle, parameter, group.values[position])
                            : text(group.values[position], parameter)
                    }
                    if code == SQLITE_OK { code = sqlite3_bind_int64(handle, CInt(keys.count + 2), count) }
                    if code == SQLITE_OK { code = step(handle) }
                    guard code == SQLITE_DONE else { return code }
                }
                return SQLITE_DONE
            }
        }
    }
}

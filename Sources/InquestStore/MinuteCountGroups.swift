import GRDBSQLite
import InquestCore

/// One batch's events grouped by the keys of ``MinuteCounts`` (minute, service, severity,
/// template, source kind), with the number of events in each group, built from the batch's
/// flattened columns without making a `String` per event: services and source kinds are
/// interned by their bytes in the arena, and the group of an event is found by hashing five
/// integers.
struct MinuteCountGroups {
    private struct Key: Hashable {
        var minute: Int64
        var severity: Int64
        var template: Int64
        /// Index into ``texts`` of the service, or -1 for none.
        var service: Int32
        /// Index into ``texts`` of the source kind.
        var sourceKind: Int32
    }

    private let events: EncodedEvents
    /// The distinct service and source kind values, as arena values (event × per-row + column).
    private var texts: [Int] = []
    private var keys: [Key] = []
    private var counts: [Int64] = []

    var isEmpty: Bool { keys.isEmpty }

    init(_ events: EncodedEvents) {
        self.events = events
        var interned: [UInt64: [Int32]] = [:]
        var groups: [Key: Int] = [:]
        let arena = events.arena
        arena.bytes.withUnsafeBufferPointer { bytes in
            arena.slices.withUnsafeBufferPointer { slices in
                /// The index in `texts` of the arena value `value`, interning it when new; -1 for NULL.
                func intern(_ value: Int) -> Int32 {
                    let slice = slices[value]
                    guard slice.length >= 0 else { return -1 }
                    let text = UnsafeBufferPointer(rebasing: bytes[slice.offset..<(slice.offset + Int(slice.length))])
                    let hash = FNV1aHash.of(text)
                    if let chain = interned[hash] {
                        for index in chain {
                            let known = slices[texts[Int(index)]]
                            if known.length == slice.length,
                               bytes[known.offset..<(known.offset + Int(known.length))].elementsEqual(text) {
                                return index
                            }
                        }
                    }
                    let index = Int32(texts.count)
                    texts.append(value)
                    interned[hash, default: []].append(index)
                    return index
                }
                for (event, numbers) in events.numbers.enumerated() {
                    let first = event * EventInsertion.arenaValuesPerRow
                    let key = Key(
                        minute: MinuteRollup.floorDivide(numbers.timestamp, MinuteRollup.minuteNanoseconds),
                        severity: numbers.severity, template: numbers.templateID,
                        service: intern(first + EncodedEvents.serviceValue),
                        sourceKind: intern(first + EncodedEvents.sourceKindValue))
                    if let group = groups[key] {
                        counts[group] += 1
                    } else {
                        groups[key] = keys.count
                        keys.append(key)
                        counts.append(1)
                    }
                }
            }
        }
    }

    /// Binds each group in turn to `handle` (``MinuteCounts/upsertSQL``'s six parameters) and
    /// calls `step`; stops at the first code other than SQLITE_DONE and returns it.
    func bind(to handle: OpaquePointer?, step: (OpaquePointer?) -> CInt) -> CInt {
        let arena = events.arena
        return arena.bytes.withUnsafeBufferPointer { bytes -> CInt in
            guard let base = bytes.baseAddress else { return SQLITE_MISUSE }
            return arena.slices.withUnsafeBufferPointer { slices -> CInt in
                func text(_ index: Int32, _ parameter: CInt) -> CInt {
                    guard index >= 0 else { return sqlite3_bind_null(handle, parameter) }
                    let slice = slices[texts[Int(index)]]
                    let pointer = UnsafeRawPointer(base + slice.offset).assumingMemoryBound(to: CChar.self)
                    return sqlite3_bind_text(handle, parameter, pointer, slice.length, BindingArena.staticValue)
                }
                for (key, count) in zip(keys, counts) {
                    sqlite3_reset(handle)
                    var code = sqlite3_bind_int64(handle, 1, key.minute)
                    if code == SQLITE_OK { code = text(key.service, 2) }
                    if code == SQLITE_OK { code = sqlite3_bind_int64(handle, 3, key.severity) }
                    if code == SQLITE_OK { code = sqlite3_bind_int64(handle, 4, key.template) }
                    if code == SQLITE_OK { code = text(key.sourceKind, 5) }
                    if code == SQLITE_OK { code = sqlite3_bind_int64(handle, 6, count) }
                    if code == SQLITE_OK { code = step(handle) }
                    guard code == SQLITE_DONE else { return code }
                }
                return SQLITE_DONE
            }
        }
    }

}

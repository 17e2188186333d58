import GRDBSQLite
import InquestCore

/// One batch's events grouped by the keys of one ``MinuteCounts`` table (the minute, then
/// ``MinuteCountKey``s), with the number of events in each group, built from the batch's
/// flattened columns without making a `String` per event: texts (services, hosts, source kinds)
/// are interned by their bytes in the arena once per event for every table, and the group of an
/// event is found by hashing integers. (Written as plain loops over integers: a first version
/// iterating key arrays and SIMD lanes per event spent about 1 s of CPU per million events in
/// unspecialised generic code.)
struct MinuteCountGroups: Sendable, Hashable {
    private struct Key: Sendable, Hashable {
        var minute: Int64
        /// The values of the table's keys, in its key order (unused ones 0): an index into the
        /// batch's interned texts (-1 for none) for a text key, the number for severity and template.
        var first: Int64
        var second: Int64
        var third: Int64
        var fourth: Int64
    }

    private let keys: [MinuteCountKey]
    /// Where the batch's distinct text values sit in the arena.
    private let texts: [BindingArena.Slice]
    private var groups: [Key] = []
    private var counts: [Int64] = []

    var isEmpty: Bool { groups.isEmpty }

    private init(keys: [MinuteCountKey], texts: [BindingArena.Slice]) {
        self.keys = keys
        self.texts = texts
    }

    /// `events` grouped by each of `keySets` (at most four keys each; ``MinuteCounts`` has no more).
    static func grouping(_ events: EncodedEvents, by keySets: [[MinuteCountKey]]) -> [MinuteCountGroups] {
        /// Per table, where each of its four key values comes from: 0 none (a table with fewer
        /// keys), 1 service, 2 host, 3 source kind, 4 severity, 5 template, 6 source name.
        let sources: [(Int, Int, Int, Int)] = keySets.map { keys in
            func source(_ position: Int) -> Int {
                guard position < keys.count else { return 0 }
                switch keys[position] {
                case .service: return 1
                case .host: return 2
                case .sourceKind: return 3
                case .severity: return 4
                case .template: return 5
                case .sourceName: return 6
                }
            }
            return (source(0), source(1), source(2), source(3))
        }
        var needs = [Bool](repeating: false, count: 7)
        for (a, b, c, d) in sources {
            for source in [a, b, c, d] { needs[source] = true }
        }
        var interned = ArenaTextInterning(events.arena)
        var indexes = [[Key: Int]](repeating: [:], count: keySets.count)
        var tables = [(groups: [Key], counts: [Int64])](repeating: ([], []), count: keySets.count)
        for (event, numbers) in events.numbers.enumerated() {
            let row = event * EventInsertion.arenaValuesPerRow
            // Only the texts some table keys (the writer groups the template table alone).
            let service = needs[1] ? interned.index(of: row + EncodedEvents.serviceValue) : 0
            let host = needs[2] ? interned.index(of: row + EncodedEvents.hostValue) : 0
            let sourceKind = needs[3] ? interned.index(of: row + EncodedEvents.sourceKindValue) : 0
            let sourceName = needs[6] ? interned.index(of: row + EncodedEvents.sourceNameValue) : 0
            let minute = MinuteCounts.bucketMinute(of: numbers.timestamp)
            func value(_ source: Int) -> Int64 {
                switch source {
                case 1: service
                case 2: host
                case 3: sourceKind
                case 4: numbers.severity
                case 5: numbers.templateID
                case 6: sourceName
                default: 0
                }
            }
            for table in 0..<sources.count {
                let (a, b, c, d) = sources[table]
                let key = Key(minute: minute, first: value(a), second: value(b), third: value(c), fourth: value(d))
                if let group = indexes[table][key] {
                    tables[table].counts[group] += 1
                } else {
                    indexes[table][key] = tables[table].groups.count
                    tables[table].groups.append(key)
                    tables[table].counts.append(1)
                }
            }
        }
        return zip(keySets, tables).map { keys, table in
            var groups = MinuteCountGroups(keys: keys, texts: interned.slices)
            groups.groups = table.groups
            groups.counts = table.counts
            return groups
        }
    }

    /// Binds each group in turn to `handle` (``MinuteCounts/upsertSQL``'s parameters: the
    /// minute, one per key, the count) and calls `step`; stops at the first code other than
    /// SQLITE_DONE and returns it. `arena` is the grouped events' (``EncodedEvents/arena``).
    func bind(to handle: OpaquePointer?, arena: BindingArena, step: (OpaquePointer?) -> CInt) -> CInt {
        return arena.bytes.withUnsafeBufferPointer { bytes -> CInt in
            guard let base = bytes.baseAddress else { return SQLITE_MISUSE }
            func text(_ index: Int64, _ parameter: CInt) -> CInt {
                guard index >= 0 else { return sqlite3_bind_null(handle, parameter) }
                let slice = texts[Int(index)]
                let pointer = UnsafeRawPointer(base + slice.offset).assumingMemoryBound(to: CChar.self)
                return sqlite3_bind_text(handle, parameter, pointer, slice.length, BindingArena.staticValue)
            }
            for (group, count) in zip(groups, counts) {
                sqlite3_reset(handle)
                var code = sqlite3_bind_int64(handle, 1, group.minute)
                let values = [group.first, group.second, group.third, group.fourth]
                for (position, key) in keys.prefix(values.count).enumerated() where code == SQLITE_OK {
                    let parameter = CInt(position + 2)
                    code = key.encodedText == nil
                        ? sqlite3_bind_int64(handle, parameter, values[position])
                        : text(values[position], parameter)
                }
                if code == SQLITE_OK { code = sqlite3_bind_int64(handle, CInt(keys.count + 2), count) }
                if code == SQLITE_OK { code = step(handle) }
                guard code == SQLITE_DONE else { return code }
            }
            return SQLITE_DONE
        }
    }
}

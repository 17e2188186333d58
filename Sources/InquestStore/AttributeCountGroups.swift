import InquestCore

/// One batch's events grouped for ``AttributeCounts``: per bucket, service, severity, attribute
/// key and value, the number of events, read from the batch's attribute texts by
/// ``AttributeJSONScanner`` in one pass (keys, text values and services interned by their
/// bytes, no `String` per event), with what makes a bucket's counts untrustworthy: a key whose
/// value was uncertain, repeated in one event, or took more than ``AttributeCounts/valueCap``
/// values in the batch, and buckets holding attributes the scanner could not read.
struct AttributeCountGroups {
    /// A value: an integer, or the number of an interned text.
    struct Value: Hashable {
        var isText: Bool
        var number: Int64
    }

    /// A key (its interned number) within one bucket.
    struct BucketKey: Hashable {
        var minute: Int64
        var key: Int64
    }

    struct Group: Hashable {
        var bucketKey: BucketKey
        var service: Int64
        var severity: Int64
        var value: Value
    }

    let events: EncodedEvents
    private(set) var groups: [Group] = []
    private(set) var counts: [Int64] = []
    /// The groups of each bucket and key, and its distinct values in the batch.
    private(set) var groupsOf: [BucketKey: [Int]] = [:]
    private(set) var valuesOf: [BucketKey: Set<Value>] = [:]
    /// Keys whose counts in a bucket cannot be kept (see the type's description).
    private(set) var uncertain: Set<BucketKey> = []
    /// Buckets with an attribute text the scanner could not read.
    private(set) var unreadable: Set<Int64> = []
    private var services: ArenaTextInterning
    private var keys: ArenaTextInterning
    private var texts: ArenaTextInterning

    private init(_ events: EncodedEvents) {
        self.events = events
        services = ArenaTextInterning(events.arena)
        keys = ArenaTextInterning(events.arena)
        texts = ArenaTextInterning(events.arena)
    }

    /// The buckets the batch touches, in order.
    var minutes: [Int64] {
        Set(groupsOf.keys.map(\.minute)).union(uncertain.map(\.minute)).union(unreadable).sorted()
    }

    /// The keys the batch holds in `minute`.
    func keys(in minute: Int64) -> [Int64] {
        Set(groupsOf.keys.filter { $0.minute == minute }.map(\.key)).union(uncertain.filter { $0.minute == minute }.map(\.key)).sorted()
    }

    /// The key's name.
    func keyName(_ key: Int64) -> String { string(keys.slices[Int(key)]) }

    /// The service's name, nil for none.
    func serviceName(_ service: Int64) -> String? { service < 0 ? nil : string(services.slices[Int(service)]) }

    /// The value as the table stores it.
    func stored(_ value: Value) -> AttributeCounts.StoredValue {
        value.isText ? .text(string(texts.slices[Int(value.number)])) : .integer(value.number)
    }

    private func string(_ slice: BindingArena.Slice) -> String {
        String(decoding: events.arena.bytes[slice.offset..<(slice.offset + Int(slice.length))], as: UTF8.self)
    }

    /// Groups `events`.
    static func grouping(_ events: EncodedEvents) -> AttributeCountGroups {
        var grouped = AttributeCountGroups(events)
        var indexes: [Group: Int] = [:]
        /// The last event each key was seen in, to find a key repeated in one event.
        var lastEvent: [Int] = []
        let arena = events.arena
        arena.bytes.withUnsafeBufferPointer { bytes in
            for (event, numbers) in events.numbers.enumerated() {
                let row = event * EventInsertion.arenaValuesPerRow
                let attributes = arena.slices[row + EncodedEvents.attributesValue]
                guard attributes.length > 2 else { continue }
                let minute = MinuteCounts.bucketMinute(of: numbers.timestamp)
                if grouped.unreadable.contains(minute) { continue }
                let service = grouped.services.index(of: row + EncodedEvents.serviceValue)
                let text = UnsafeBufferPointer(rebasing: bytes[attributes.offset..<(attributes.offset + Int(attributes.length))])
                let read = AttributeJSONScanner.scan(text) { keyOffset, keyLength, scanned in
                    let key = grouped.keys.index(of: BindingArena.Slice(offset: attributes.offset + keyOffset, length: Int32(keyLength)))
                    if Int(key) >= lastEvent.count { lastEvent.append(-1) }
                    let bucketKey = BucketKey(minute: minute, key: key)
                    guard lastEvent[Int(key)] != event else {
                        grouped.uncertain.insert(bucketKey)
                        return
                    }
                    lastEvent[Int(key)] = event
                    let value: Value
                    switch scanned {
                    case .null: return
                    case .uncertain:
                        grouped.uncertain.insert(bucketKey)
                        return
                    case .integer(let number): value = Value(isText: false, number: number)
                    case .text(let offset, let length):
                        value = Value(isText: true, number: grouped.texts.index(of: BindingArena.Slice(offset: attributes.offset + offset, length: Int32(length))))
                    }
                    guard !grouped.uncertain.contains(bucketKey) else { return }
                    let (inserted, _) = grouped.valuesOf[bucketKey, default: []].insert(value)
                    if inserted, grouped.valuesOf[bucketKey, default: []].count > AttributeCounts.valueCap {
                        grouped.uncertain.insert(bucketKey)
                        return
                    }
                    let group = Group(bucketKey: bucketKey, service: service, severity: numbers.severity, value: value)
                    if let index = indexes[group] {
                        grouped.counts[index] += 1
                    } else {
                        indexes[group] = grouped.groups.count
                        grouped.groupsOf[bucketKey, default: []].append(grouped.groups.count)
                        grouped.groups.append(group)
                        grouped.counts.append(1)
                    }
                }
                if !read { grouped.unreadable.insert(minute) }
            }
        }
        return grouped
    }
}

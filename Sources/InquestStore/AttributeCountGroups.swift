import InquestCore

/// One batch's events grouped for ``AttributeCounts``: per bucket and attribute key, each
/// value's events and errors and, while the key holds at most ``AttributeCounts/valueCap``
/// values in the bucket, its events per value, service and severity; read from the batch's
/// attribute texts by ``AttributeJSONScanner`` in one pass (keys, text values and services
/// interned by their bytes, no `String` per event), with what makes a bucket's counts
/// untrustworthy: a key whose value was uncertain or repeated in one event, and buckets holding
/// attributes the scanner could not read. ``resolved()`` turns it into the `String`s of an
/// ``AttributeCountBatch``.
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
    /// Per service and severity, while the key has at most ``AttributeCounts/valueCap`` values.
    private(set) var groups: [Group] = []
    private(set) var counts: [Int64] = []
    private(set) var groupsOf: [BucketKey: [Int]] = [:]
    /// Each bucket key's distinct values in order, with their events and errors.
    private(set) var valuesOf: [BucketKey: [Value]] = [:]
    private(set) var valueCounts: [BucketKey: [Value: (events: Int64, errors: Int64)]] = [:]
    /// The bucket keys in the order first seen.
    private(set) var bucketKeys: [BucketKey] = []
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

    /// The groups as an ``AttributeCountBatch``'s buckets, in bucket order.
    func resolved() -> [AttributeCountBatch.Bucket] {
        var byMinute: [Int64: [AttributeCountBatch.Key]] = [:]
        for bucketKey in bucketKeys {
            let values = (valuesOf[bucketKey] ?? []).map { value -> AttributeCountBatch.ValueCount in
                let counted = valueCounts[bucketKey]?[value] ?? (0, 0)
                return AttributeCountBatch.ValueCount(value: stored(value), events: counted.events, errors: counted.errors)
            }
            let groups = values.count > AttributeCounts.valueCap ? nil : (groupsOf[bucketKey] ?? []).map { index in
                let group = self.groups[index]
                return AttributeCountBatch.Group(
                    value: stored(group.value), service: serviceName(group.service), severity: group.severity, events: counts[index])
            }
            byMinute[bucketKey.minute, default: []].append(AttributeCountBatch.Key(
                name: string(keys.slices[Int(bucketKey.key)]), uncertain: uncertain.contains(bucketKey), values: values, groups: groups))
        }
        return Set(byMinute.keys).union(unreadable).sorted().map { minute in
            AttributeCountBatch.Bucket(minute: minute, unreadable: unreadable.contains(minute), keys: byMinute[minute] ?? [])
        }
    }

    /// The service's name, nil for none.
    private func serviceName(_ service: Int64) -> String? { service < 0 ? nil : string(services.slices[Int(service)]) }

    /// The value as the table stores it.
    private func stored(_ value: Value) -> AttributeCounts.StoredValue {
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
        let errorSeverity = Int64(Severity.error.rawValue)
        let arena = events.arena
        arena.bytes.withUnsafeBufferPointer { bytes in
            for (event, numbers) in events.numbers.enumerated() {
                let row = event * EventInsertion.arenaValuesPerRow
                let attributes = arena.slices[row + EncodedEvents.attributesValue]
                guard attributes.length > 2 else { continue }
                let minute = MinuteCounts.bucketMinute(of: numbers.timestamp)
                if grouped.unreadable.contains(minute) { continue }
                let service = grouped.services.index(of: row + EncodedEvents.serviceValue)
                let isError = numbers.severity >= errorSeverity
                let text = UnsafeBufferPointer(rebasing: bytes[attributes.offset..<(attributes.offset + Int(attributes.length))])
                let read = AttributeJSONScanner.scan(text) { keyOffset, keyLength, scanned in
                    let key = grouped.keys.index(of: BindingArena.Slice(offset: attributes.offset + keyOffset, length: Int32(keyLength)))
                    if Int(key) >= lastEvent.count { lastEvent.append(-1) }
                    let bucketKey = BucketKey(minute: minute, key: key)
                    if grouped.valueCounts[bucketKey] == nil {
                        grouped.valueCounts[bucketKey] = [:]
                        grouped.bucketKeys.append(bucketKey)
                    }
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
                    if let counted = grouped.valueCounts[bucketKey]?[value] {
                        grouped.valueCounts[bucketKey]?[value] = (counted.events + 1, counted.errors + (isError ? 1 : 0))
                    } else {
                        grouped.valueCounts[bucketKey]?[value] = (1, isError ? 1 : 0)
                        grouped.valuesOf[bucketKey, default: []].append(value)
                    }
                    // Past the cap the per-service groups are not kept (the values' counts are).
                    guard grouped.valuesOf[bucketKey, default: []].count <= AttributeCounts.valueCap else { return }
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

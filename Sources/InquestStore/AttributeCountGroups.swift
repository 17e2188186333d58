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

    /// A value of one bucket key (by the key's index in ``bucketKeys``).
    private struct ValueKey: Hashable {
        var bucketKey: Int
        var value: Value
    }

    /// A value (its index in ``values``) of one service and severity.
    private struct Group: Hashable {
        var value: Int
        var service: Int64
        var severity: Int64
    }

    let events: EncodedEvents
    /// The bucket keys in the order first seen, and per bucket key (same index): whether its
    /// counts cannot be kept, its values and its groups (indexes into ``values``, ``groups``).
    private var bucketKeys: [BucketKey] = []
    private var bucketKeyIndexes: [BucketKey: Int] = [:]
    private var uncertain: [Bool] = []
    private var valuesOf: [[Int]] = []
    private var groupsOf: [[Int]] = []
    /// Each value of a bucket key, with its events and errors.
    private var values: [Value] = []
    private var valueEvents: [Int64] = []
    private var valueErrors: [Int64] = []
    private var valueIndexes: [ValueKey: Int] = [:]
    /// Per value, service and severity, while the key has at most ``AttributeCounts/valueCap`` values.
    private var groups: [Group] = []
    private var groupCounts: [Int64] = []
    private var groupIndexes: [Group: Int] = [:]
    /// Buckets with an attribute text the scanner could not read.
    private var unreadable: Set<Int64> = []
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
        for (index, bucketKey) in bucketKeys.enumerated() {
            let counted = valuesOf[index].map { value in
                AttributeCountBatch.ValueCount(value: stored(values[value]), events: valueEvents[value], errors: valueErrors[value])
            }
            let grouped = counted.count > AttributeCounts.valueCap ? nil : groupsOf[index].map { group in
                AttributeCountBatch.Group(
                    value: stored(values[groups[group].value]), service: serviceName(groups[group].service),
                    severity: groups[group].severity, events: groupCounts[group])
            }
            byMinute[bucketKey.minute, default: []].append(AttributeCountBatch.Key(
                name: string(keys.slices[Int(bucketKey.key)]), uncertain: uncertain[index], values: counted, groups: grouped))
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

    /// The index of `bucketKey`, numbering it when new.
    private mutating func index(of bucketKey: BucketKey) -> Int {
        if let index = bucketKeyIndexes[bucketKey] { return index }
        bucketKeyIndexes[bucketKey] = bucketKeys.count
        bucketKeys.append(bucketKey)
        uncertain.append(false)
        valuesOf.append([])
        groupsOf.append([])
        return bucketKeys.count - 1
    }

    /// Counts one event's `value` under the bucket key `index`.
    private mutating func count(_ value: Value, of index: Int, service: Int64, severity: Int64, isError: Bool) {
        let valueKey = ValueKey(bucketKey: index, value: value)
        let valueIndex: Int
        if let known = valueIndexes[valueKey] {
            valueIndex = known
            valueEvents[known] += 1
            if isError { valueErrors[known] += 1 }
        } else {
            valueIndex = values.count
            valueIndexes[valueKey] = valueIndex
            values.append(value)
            valueEvents.append(1)
            valueErrors.append(isError ? 1 : 0)
            valuesOf[index].append(valueIndex)
        }
        // Past the cap the per-service groups are not kept (the values' counts are).
        guard valuesOf[index].count <= AttributeCounts.valueCap else { return }
        let group = Group(value: valueIndex, service: service, severity: severity)
        if let known = groupIndexes[group] {
            groupCounts[known] += 1
        } else {
            groupIndexes[group] = groups.count
            groupsOf[index].append(groups.count)
            groups.append(group)
            groupCounts.append(1)
        }
    }

    /// Groups `events`.
    static func grouping(_ events: EncodedEvents) -> AttributeCountGroups {
        var grouped = AttributeCountGroups(events)
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
                    let index = grouped.index(of: BucketKey(minute: minute, key: key))
                    guard lastEvent[Int(key)] != event else {
                        grouped.uncertain[index] = true
                        return
                    }
                    lastEvent[Int(key)] = event
                    let value: Value
                    switch scanned {
                    case .null: return
                    case .uncertain:
                        grouped.uncertain[index] = true
                        return
                    case .integer(let number): value = Value(isText: false, number: number)
                    case .text(let offset, let length):
                        value = Value(isText: true, number: grouped.texts.index(of: BindingArena.Slice(offset: attributes.offset + offset, length: Int32(length))))
                    }
                    guard !grouped.uncertain[index] else { return }
                    grouped.count(value, of: index, service: service, severity: numbers.severity, isError: isError)
                }
                if !read { grouped.unreadable.insert(minute) }
            }
        }
        return grouped
    }
}

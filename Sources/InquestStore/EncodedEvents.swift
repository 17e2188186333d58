import InquestCore

/// Events flattened into the bytes and numbers that ``EventInsertion`` binds, so that the
/// flattening can run on the thread that parsed them instead of on the store's writer.
///
/// On a two-core ingest the writer is the bottleneck: copying each event's dozen strings into
/// the binding arena, and freeing the events afterwards, took ~1.5 s of its ~6 s CPU on 1M bench
/// events. Built on the parsing thread, an `EncodedEvents` reaches the writer as three flat
/// arrays, and the events are freed where they were made.
///
/// The raw records are not in the arena: they are gathered into blocks and compressed here too
/// (see ``RawBlockCodec``); each event keeps where its record sits in its block. The attribute
/// counts (``AttributeCountBatch``) and the host and file ten-minute counts
/// (``MinuteCountGroups``) are grouped here too, so the writer only upserts their groups.
public struct EncodedEvents: Sendable, Hashable {
    /// The numeric columns of one event.
    struct Numbers: Sendable, Hashable {
        var timestamp: Int64
        var timeQuality: Int64
        var severity: Int64
        /// The index of the event's block in ``blocks``, and its record's place in the block's bytes.
        var rawBlock: Int
        var rawOffset: Int
        var rawLength: Int
        /// The event's log template, or ``EncodedEvents/noTemplate``.
        var templateID: Int64 = EncodedEvents.noTemplate
    }

    /// Where an event's source kind, service, host and attributes sit among its ``EventInsertion/arenaValuesPerRow``
    /// arena values (the order ``append(_:gatherer:)`` writes them in).
    static let sourceKindValue = 1
    static let sourceNameValue = 2
    static let serviceValue = 4
    static let hostValue = 5
    static let attributesValue = 10

    /// The `templateID` of an event without one (stored as NULL).
    public static let noTemplate: Int64 = 0

    /// A compressed block of raw records.
    struct RawBlock: Sendable, Hashable {
        /// The Zstandard frame, or the records as they are when `compressed` is false.
        var frame: [UInt8]
        var rawLength: Int
        var compressed: Bool

        /// The `raw_block.codec` value.
        var codec: Int64 { compressed ? RawBlockCodec.zstandard : RawBlockCodec.stored }
    }

    /// The text and blob columns, ``EventInsertion/arenaValuesPerRow`` per event, in event order.
    private(set) var arena: BindingArena
    private(set) var numbers: [Numbers]
    private(set) var blocks: [RawBlock] = []
    /// The first event's time and source, to name the batch in an error.
    private(set) var firstEventDescription: String?
    /// The events' attribute counts, grouped here (on the thread that flattens the events) so
    /// that the store's writer only merges them (see ``AttributeCounts``); regrouped whenever
    /// the events' times change.
    private(set) var attributeCounts = AttributeCountBatch(buckets: [])
    /// The events grouped for the ``MinuteCounts`` tables whose keys hold no template (the
    /// template miner assigns templates on the writer's side), by the tables' keys; grouped
    /// here for the same reason, and regrouped whenever the events' times change.
    private(set) var minuteCountGroups: [[MinuteCountKey]: MinuteCountGroups] = [:]

    public var count: Int { numbers.count }
    public var isEmpty: Bool { numbers.isEmpty }

    public init() {
        arena = BindingArena(expectedBytes: 0, expectedValues: 0)
        numbers = []
    }

    /// Flattens `events` in order.
    public init(_ events: [Event]) {
        self.init()
        append(contentsOf: events)
    }

    /// Appends `events` in order.
    public mutating func append(contentsOf events: [Event]) {
        guard !events.isEmpty else { return }
        if firstEventDescription == nil, let first = events.first {
            firstEventDescription = "events from \(first.timestamp), source \(first.sourceName)"
        }
        arena.reserve(
            bytes: events.count * Self.estimatedBytesPerEvent,
            values: events.count * EventInsertion.arenaValuesPerRow)
        numbers.reserveCapacity(numbers.count + events.count)
        // Through a buffer pointer: indexing the array would copy each Event (retaining and
        // releasing its strings) on every access.
        var gatherer = RawBlockGatherer(firstBlock: blocks.count)
        events.withUnsafeBufferPointer { buffer in
            for event in buffer {
                append(event, gatherer: &gatherer)
            }
        }
        blocks += gatherer.finish()
        groupCounts()
    }

    /// Groups the events for ``attributeCounts`` and ``minuteCountGroups``.
    private mutating func groupCounts() {
        attributeCounts = AttributeCountBatch(grouping: self)
        let keySets = MinuteCounts.all.map(\.keys).filter { !$0.contains(.template) }
        minuteCountGroups = Dictionary(uniqueKeysWithValues: zip(keySets, MinuteCountGroups.grouping(self, by: keySets)))
    }

    private mutating func append(_ event: borrowing Event, gatherer: inout RawBlockGatherer) {
        let place = gatherer.add(event.raw)
        numbers.append(Numbers(
            timestamp: event.timestamp.nanoseconds,
            timeQuality: Int64(event.timeQuality.rawValue),
            severity: Int64(event.severity.rawValue),
            rawBlock: place.block, rawOffset: place.offset, rawLength: place.length))
        // The order ``EventInsertion`` binds them in.
        arena.append(event.timestampText)
        arena.append(event.sourceKind.rawValue)
        arena.append(event.sourceName)
        arena.append(event.levelText)
        arena.append(event.service)
        arena.append(event.host)
        arena.append(event.message)
        arena.append(event.traceID)
        arena.append(event.spanID)
        arena.append(event.requestID)
        arena.append(event.attributesJSON.isEmpty ? "{}" : event.attributesJSON)
        arena.append(event.dedupeKey)
    }

    /// Whether ``assignTemplates(_:)`` gave the events their templates.
    public private(set) var hasTemplates = false

    /// The events' template ids, in order (0 for none).
    var templateIDs: [Int64] { numbers.map(\.templateID) }

    /// Gives each event, in order, its template id (a positive id; `ids.count` must equal ``count``).
    public mutating func assignTemplates(_ ids: [Int64]) {
        precondition(ids.count == numbers.count, "one template id per event")
        for index in numbers.indices { numbers[index].templateID = ids[index] }
        hasTemplates = true
    }

    /// The time of the last event, or nil when there is none.
    public var lastTimestamp: Timestamp? { numbers.last.map { Timestamp(nanoseconds: $0.timestamp) } }

    /// Gives `time` to the leading events that had no time of their own (``TimeQuality/missing``),
    /// up to the first event that has one; returns whether there was such an event. A file parsed
    /// in segments on several threads (see `SegmentedParsingProducer`) gives a segment's first
    /// time-less records the time of the segment before, as one parser over the whole file does.
    public mutating func inheritLeadingMissingTimes(from time: Timestamp) -> Bool {
        let missing = Int64(TimeQuality.missing.rawValue)
        let unknown = Int64(TimeQuality.unknown.rawValue)
        var changed = false
        defer {
            // The attribute counts are grouped by the events' buckets.
            if changed { groupCounts() }
        }
        for index in numbers.indices {
            guard numbers[index].timeQuality & missing != 0 else { return true }
            changed = changed || numbers[index].timestamp != time.nanoseconds
            numbers[index].timestamp = time.nanoseconds
            numbers[index].timeQuality &= ~unknown
        }
        return false
    }

    /// A first guess at one event's bytes without its raw record (bench JSON events take ~210),
    /// so a batch's arena grows once or twice rather than a dozen times.
    static let estimatedBytesPerEvent = 256
}

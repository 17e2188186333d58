import InquestCore

/// Stream-level state that turns drafts into events: resolves times (zone, year), inherits the
/// previous record's time for records without one, applies the severity fallback
/// (level field → level word in the message → info), and stamps raw bytes and dedupe key.
struct EventFinisher {
    let options: LogParseOptions
    private var resolver: TimeResolver
    private var lastTimestamp: Timestamp?
    /// An event with the stream's constant fields; each record starts from a copy and has its
    /// fields moved in (cheaper than the full initializer on the hot path).
    private let template: Event
    /// The source's share of every dedupe key, hashed once.
    private let sourceHash: UInt64

    init(options: LogParseOptions) {
        self.options = options
        resolver = TimeResolver(options: options)
        sourceHash = DedupeKey.sourceHash(options.sourceIdentity)
        template = Event(timestamp: Timestamp(nanoseconds: 0), sourceKind: .log, sourceName: options.sourceName,
                         severity: .info, message: "", dedupeKey: DedupeKey(high: 0, low: 0))
    }

    mutating func event(from draft: consuming EventDraft, raw: Bytes, offset: Int64) -> Event {
        var event = template
        if let time = draft.time {
            let (timestamp, quality) = resolver.resolve(time)
            event.timestamp = timestamp
            event.timeQuality = quality
            lastTimestamp = timestamp
        } else {
            event.timestamp = lastTimestamp ?? options.fallbackTime
            event.timeQuality = .missing
        }
        event.timestampText = draft.timestampText
        var message = draft.message.take() ?? ""
        var severity = draft.severity
        if severity == nil {
            severity = message.withUTF8 { LevelWords.find(in: $0, 0, $0.count, maxWords: 3)?.0 }
        }
        event.severity = severity ?? .info
        event.message = message
        event.levelText = draft.levelText.take()
        event.service = draft.service.take()
        event.host = draft.host.take()
        event.traceID = draft.traceID.take()
        event.spanID = draft.spanID.take()
        event.requestID = draft.requestID.take()
        event.attributesJSON = draft.attributes.text()
        event.raw = Array(raw)
        event.dedupeKey = DedupeKey(sourceHash: sourceHash, raw: UnsafeRawBufferPointer(raw), offset: offset)
        return event
    }
}

import InquestCore

/// Stream-level state that turns drafts into events: resolves times (zone, year), inherits the
/// previous record's time for records without one, applies the severity fallback
/// (level field → level word in the message → info), and stamps raw bytes and dedupe key.
struct EventFinisher {
    let options: LogParseOptions
    private var resolver: TimeResolver
    private var lastTimestamp: Timestamp?

    init(options: LogParseOptions) {
        self.options = options
        resolver = TimeResolver(options: options)
    }

    mutating func event(from draft: EventDraft, raw: Bytes, offset: Int64) -> Event {
        var timestamp: Timestamp
        var quality: TimeQuality
        if let time = draft.time {
            (timestamp, quality) = resolver.resolve(time)
            lastTimestamp = timestamp
        } else {
            timestamp = lastTimestamp ?? options.fallbackTime
            quality = .missing
        }
        let message = draft.message ?? ""
        var severity = draft.severity
        if severity == nil {
            var text = message
            severity = text.withUTF8 { LevelWords.find(in: $0, 0, $0.count, maxWords: 3)?.0 }
        }
        return Event(
            timestamp: timestamp,
            timestampText: draft.timestampText,
            timeQuality: quality,
            sourceKind: .log,
            sourceName: options.sourceName,
            severity: severity ?? .info,
            levelText: draft.levelText,
            service: draft.service,
            host: draft.host,
            message: message,
            traceID: draft.traceID,
            spanID: draft.spanID,
            requestID: draft.requestID,
            attributesJSON: draft.attributes.text(),
            raw: Array(raw),
            dedupeKey: DedupeKey(source: options.sourceIdentity, raw: UnsafeRawBufferPointer(raw), offset: offset)
        )
    }
}

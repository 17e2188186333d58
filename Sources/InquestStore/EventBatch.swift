import InquestCore

/// What one ingest step stores atomically: its events, the records it could not parse, and
/// the position to resume from. Either all of it is stored or none of it, so ingest is exactly-once.
public struct EventBatch: Sendable, Hashable {
    /// Events to store, flattened (by whoever made the batch, off the store's writer; see
    /// ``EncodedEvents``); those whose dedupe key is already stored are skipped.
    public var events: EncodedEvents
    /// Records that could not be parsed, kept with their reason and bytes.
    public var deadLetters: [DeadLetter]
    /// Where to resume this input after the batch, saved in the same transaction.
    public var checkpoint: Checkpoint?
    /// Metric samples to store compactly; a sample already stored for its series and time is skipped.
    public var samples: [MetricPoint]
    /// Trace spans to store compactly (without their raw JSON); a span already stored is skipped.
    public var spans: [TraceSpan]
    /// Log templates new or changed since the last batch (their events carry the ids; see
    /// ``EncodedEvents/assignTemplates(_:)``), written in the same transaction.
    public var templates: [LogTemplate] = []

    public init(
        events: EncodedEvents = EncodedEvents(), deadLetters: [DeadLetter] = [], checkpoint: Checkpoint? = nil,
        samples: [MetricPoint] = [], spans: [TraceSpan] = []
    ) {
        self.events = events
        self.deadLetters = deadLetters
        self.checkpoint = checkpoint
        self.samples = samples
        self.spans = spans
    }

    /// A batch of `events`, flattened here (on the caller's thread).
    public init(
        events: [Event], deadLetters: [DeadLetter] = [], checkpoint: Checkpoint? = nil,
        samples: [MetricPoint] = [], spans: [TraceSpan] = []
    ) {
        self.init(events: EncodedEvents(events), deadLetters: deadLetters, checkpoint: checkpoint, samples: samples, spans: spans)
    }
}

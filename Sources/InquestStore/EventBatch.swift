import InquestCore

/// What one ingest step stores atomically: its events, the records it could not parse, and
/// the position to resume from. Either all of it is stored or none of it, so ingest is exactly-once.
public struct EventBatch: Sendable, Hashable {
    public var events: [Event]
    public var deadLetters: [DeadLetter]
    public var checkpoint: Checkpoint?

    public init(events: [Event] = [], deadLetters: [DeadLetter] = [], checkpoint: Checkpoint? = nil) {
        self.events = events
        self.deadLetters = deadLetters
        self.checkpoint = checkpoint
    }
}

import InquestCore

/// What a ``LogStreamParser`` produced so far: events, located failures and the number of
/// physical lines consumed (blank lines included).
public struct ParseOutput: Sendable {
    /// Parsed records, in input order.
    public var events: [Event]
    /// Records that could not be parsed, in input order.
    public var failures: [RecordFailure]
    /// Physical lines consumed, including blank lines and continuation lines.
    public var physicalLines: Int

    /// An empty output to feed into.
    public init() {
        events = []
        failures = []
        physicalLines = 0
    }
}

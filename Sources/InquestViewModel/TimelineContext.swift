import InquestCore

/// The context view (`C`, as `grep -C` and Timesketch's context): every event of every source,
/// whatever the filter, within ``span`` of one event, which stays marked. Esc goes back to the
/// filtered timeline, at the event the cursor is then on (or the nearest match).
public struct TimelineContext: Sendable, Hashable {
    /// The event whose neighbours are shown.
    public var anchor: EventCursor
    /// How far either side of it, in nanoseconds.
    public var span: Int64

    /// Five minutes each side unless `:context DURATION` says otherwise.
    public static let defaultSpan: Int64 = 5 * 60 * 1_000_000_000

    public init(anchor: EventCursor, span: Int64 = TimelineContext.defaultSpan) {
        self.anchor = anchor
        self.span = span
    }

    /// No filter and no scope: only the time bounds `[anchor - span, anchor + span]`.
    public var query: TimelineQuery {
        TimelineQuery(scope: [
            .term(.after(.absolute(anchor.timestamp.advanced(saturating: -span)))),
            .term(.before(.absolute(anchor.timestamp.advanced(saturating: span).advanced(saturating: 1)))),
        ])
    }

    /// `context ±5m of #1234` for the timeline's title.
    public var label: String {
        "context ±\(Self.spelling(span)) of #\(anchor.id)"
    }

    /// `5m`, `90s`, `2h`, `250ms`: the largest unit that divides the span.
    static func spelling(_ nanoseconds: Int64) -> String {
        for (unit, size) in [("h", Int64(3_600_000_000_000)), ("m", 60_000_000_000), ("s", 1_000_000_000)] where nanoseconds % size == 0 {
            return "\(nanoseconds / size)\(unit)"
        }
        return "\(nanoseconds / 1_000_000)ms"
    }
}

/// What a window of events is centred on: an event (its row first after the rows before it; the
/// place kept across a filter change, a context view) or a bare time (a click on the density
/// strip: the rows before it, then the first at or after it).
public enum WindowCentre: Sendable, Hashable {
    case event(EventCursor)
    case time(Timestamp)
}

extension EventCursor {
    /// The position just before every event at `time`: a window `.before` it holds the events
    /// strictly earlier than `time`.
    public static func start(of time: Timestamp) -> EventCursor {
        EventCursor(timestamp: time, id: .min)
    }
}

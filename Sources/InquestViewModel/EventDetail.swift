import InquestCore

/// Everything the details pane shows of one event.
public struct EventDetail: Sendable, Hashable {
    /// The event with every field.
    public var event: Event
    /// Investigations this event is linked to.
    public var links: [EventLink]
    /// Notes that reference this event.
    public var notes: [Note]
    /// Whether the event is starred and its tags.
    public var isStarred: Bool
    public var tags: [String]
    /// The span tree of the event's trace, when the event has a trace id with stored spans.
    public var trace: TraceTree?
    /// The event's log template as it reads now, and how many stored events share it.
    public var template: LogTemplate?
    public var templateEventCount: Int64
    /// The series of a metric anomaly event around its episode (the episode marked), when stored.
    public var series: MetricSeriesExcerpt?

    public init(
        event: Event, links: [EventLink] = [], notes: [Note] = [], isStarred: Bool = false, tags: [String] = [],
        trace: TraceTree? = nil, template: LogTemplate? = nil, templateEventCount: Int64 = 0,
        series: MetricSeriesExcerpt? = nil
    ) {
        self.event = event
        self.series = series
        self.template = template
        self.templateEventCount = templateEventCount
        self.trace = trace
        self.links = links
        self.notes = notes
        self.isStarred = isStarred
        self.tags = tags
    }
}

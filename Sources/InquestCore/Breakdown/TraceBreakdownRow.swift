/// One service's spans in the window and in the baseline.
public struct TraceBreakdownRow: Sendable, Hashable {
    public var service: String
    public var window: SpanStatistics
    public var baseline: SpanStatistics

    public init(service: String, window: SpanStatistics, baseline: SpanStatistics) {
        self.service = service
        self.window = window
        self.baseline = baseline
    }

    /// The condition selecting the service's events (Enter in the canvas narrows to it).
    public var condition: FilterExpression { .term(.service(.exact(service))) }

    /// `filter` narrowed to the service, spelled as filter text.
    public func narrowing(_ filter: Filter) -> Filter {
        Filter(expression: .all((filter.expression.map { [$0] } ?? []) + [condition]))
    }
}

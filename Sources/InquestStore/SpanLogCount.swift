import InquestCore

/// How many log events of one service one span wrote with one template (a row of
/// ``InquestStore/spanLogCounts(in:)``): what ties a log line to the request that wrote it.
public struct SpanLogCount: Sendable, Hashable {
    /// The trace id the events carry.
    public var traceID: String
    /// The span id the events carry.
    public var spanID: String
    /// The service as stored on the events.
    public var service: String
    /// The template id as stored on the events (it may have been absorbed into another since).
    public var templateID: Int64
    /// The worst severity among them.
    public var severity: Severity
    /// Events of that span, service and template.
    public var count: Int

    public init(traceID: String, spanID: String, service: String, templateID: Int64, severity: Severity, count: Int) {
        self.traceID = traceID
        self.spanID = spanID
        self.service = service
        self.templateID = templateID
        self.severity = severity
        self.count = count
    }
}

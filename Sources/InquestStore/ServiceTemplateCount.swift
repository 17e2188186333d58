import InquestCore

/// How many log events of one service carried one template in a time range (a row of
/// ``InquestStore/serviceTemplateCounts(in:)``).
public struct ServiceTemplateCount: Sendable, Hashable {
    /// The service as stored.
    public var service: String
    /// The template id as stored on the events (it may have been absorbed into another since).
    public var templateID: Int64
    /// Events of that service and template in the range.
    public var count: Int
    /// The worst severity among them.
    public var severity: Severity
    /// The earliest of them.
    public var first: Timestamp

    public init(service: String, templateID: Int64, count: Int, severity: Severity, first: Timestamp) {
        self.service = service
        self.templateID = templateID
        self.count = count
        self.severity = severity
        self.first = first
    }
}

import Foundation

/// The one serialised form of an ``Event``: every field, the raw record as base64 and the
/// dedupe key as 32 hex digits (what an importing store matches events by). Bundles carry their
/// events as these records.
///
/// One model, one spelling per format version, chosen by the coder and not by the type:
/// property names are the keys' camelCase form (initialisms all caps, `traceID`), a version 2
/// file is written with ``JSONKeySpelling/snakeCase`` (`trace_id`, `timestamp_ns`, `raw_base64`)
/// and version 1 files (camelCase, `traceId`) are still read through ``JSONKeySpelling/version1``.
/// The type declares no `CodingKeys`, so no key fights the coder's strategy.
public struct EventRecord: Sendable, Hashable, Codable {
    /// The event's id in the store the record was written from (links, notes, stars and tags
    /// written next to it refer to it).
    public var id: Int64
    public var timestampNs: Int64
    public var timestampText: String
    /// ``TimeQuality``'s raw value.
    public var timeQuality: Int
    /// ``SourceKind``'s raw value.
    public var sourceKind: String
    public var sourceName: String
    /// ``Severity``'s raw value.
    public var severity: Int
    public var levelText: String?
    public var service: String?
    public var host: String?
    public var message: String
    public var traceID: String?
    public var spanID: String?
    public var requestID: String?
    /// The structured attributes as JSON object text.
    public var attributes: String
    public var rawBase64: String
    public var dedupeKey: String

    public init(_ event: Event, id: Int64) {
        self.id = id
        timestampNs = event.timestamp.nanoseconds
        timestampText = event.timestampText
        timeQuality = event.timeQuality.rawValue
        sourceKind = event.sourceKind.rawValue
        sourceName = event.sourceName
        severity = event.severity.rawValue
        levelText = event.levelText
        service = event.service
        host = event.host
        message = event.message
        traceID = event.traceID
        spanID = event.spanID
        requestID = event.requestID
        attributes = event.attributesJSON
        rawBase64 = Data(event.raw).base64EncodedString()
        dedupeKey = event.dedupeKey.hex
    }

    /// A member the record holds but that names no valid value (the member's name and its text).
    public struct InvalidField: Error, Sendable, Hashable {
        public var field: String
        public var value: String
    }

    /// The domain event (without an id).
    public func event() throws(InvalidField) -> Event {
        guard let kind = SourceKind(rawValue: sourceKind) else { throw InvalidField(field: "sourceKind", value: sourceKind) }
        guard let level = Severity(rawValue: severity) else { throw InvalidField(field: "severity", value: "\(severity)") }
        guard let raw = Data(base64Encoded: rawBase64) else {
            throw InvalidField(field: "rawBase64", value: String(rawBase64.prefix(40)))
        }
        guard let key = DedupeKey(hex: dedupeKey) else { throw InvalidField(field: "dedupeKey", value: dedupeKey) }
        return Event(
            timestamp: Timestamp(nanoseconds: timestampNs), timestampText: timestampText,
            timeQuality: TimeQuality(rawValue: timeQuality), sourceKind: kind, sourceName: sourceName, severity: level,
            levelText: levelText, service: service, host: host, message: message, traceID: traceID, spanID: spanID,
            requestID: requestID, attributesJSON: attributes, raw: [UInt8](raw), dedupeKey: key)
    }
}

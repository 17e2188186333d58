import Foundation
import InquestCore

/// An event as a bundle carries it: every field of ``Event``, the raw record as base64 and the
/// dedupe key as 32 hex digits (what an importing store matches events by).
public struct BundledEvent: Sendable, Hashable, Codable {
    /// The event's id in the store the bundle was written from (links, notes, stars and tags
    /// of the bundle refer to it).
    public var id: Int64
    public var timestampNs: Int64
    public var timestampText: String
    public var timeQuality: Int
    public var sourceKind: String
    public var sourceName: String
    public var severity: Int
    public var levelText: String?
    public var service: String?
    public var host: String?
    public var message: String
    public var traceId: String?
    public var spanId: String?
    public var requestId: String?
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
        traceId = event.traceID
        spanId = event.spanID
        requestId = event.requestID
        attributes = event.attributesJSON
        rawBase64 = Data(event.raw).base64EncodedString()
        dedupeKey = event.dedupeKey.hex
    }

    /// The domain event (without an id); `index` names it in error messages.
    public func event(index: Int) throws -> Event {
        func invalid(_ field: String, _ value: String) -> ExchangeError {
            .invalidField(section: "events", index: index, field: field, value: value)
        }
        guard let kind = SourceKind(rawValue: sourceKind) else { throw invalid("sourceKind", sourceKind) }
        guard let level = Severity(rawValue: severity) else { throw invalid("severity", "\(severity)") }
        guard let raw = Data(base64Encoded: rawBase64) else { throw invalid("rawBase64", String(rawBase64.prefix(40))) }
        guard let key = Self.dedupeKey(hex: dedupeKey) else { throw invalid("dedupeKey", dedupeKey) }
        return Event(
            timestamp: Timestamp(nanoseconds: timestampNs), timestampText: timestampText,
            timeQuality: TimeQuality(rawValue: timeQuality), sourceKind: kind, sourceName: sourceName, severity: level,
            levelText: levelText, service: service, host: host, message: message, traceID: traceId, spanID: spanId,
            requestID: requestId, attributesJSON: attributes, raw: [UInt8](raw), dedupeKey: key)
    }

    static func dedupeKey(hex: String) -> DedupeKey? {
        let digits = Array(hex.utf8)
        guard digits.count == 32 else { return nil }
        var bytes: [UInt8] = []
        for index in stride(from: 0, to: 32, by: 2) {
            guard let high = nibble(digits[index]), let low = nibble(digits[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
        }
        return DedupeKey(bytes: bytes)
    }

    private static func nibble(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        default: nil
        }
    }
}

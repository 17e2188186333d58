import Foundation

/// The one serialised form of an ``Event``, shared by every file that carries events: a
/// bundle's events and an export's timeline entries (which add what only a report has: its
/// reference number, rendered times, tags and why the event is there).
///
/// One model, one spelling per format version, chosen by the coder and not by the type:
/// property names are the keys' camelCase form (initialisms all caps, `traceID`), version 2
/// files are written with ``JSONKeySpelling/snakeCaseEncoding`` (`trace_id`, `timestamp_ns`,
/// `raw_base64`) and version 1 files (camelCase) are still read. The coding keys are the
/// property names, so no key fights the coder's strategy.
///
/// Values are written for people: the severity as its name (`error`), the time quality as
/// flag names (`zoneAssumed`). Version 1 bundles wrote both as numbers (and the id as `id`);
/// they are read either way, and written as numbers again when ``legacyNumericValues`` is
/// set in the encoder's `userInfo` (to re-check a version 1 bundle's checksums).
public struct EventRecord: Sendable, Hashable {
    /// Set to `true` in an encoder's `userInfo` to write ``severity`` and ``timeQuality`` as
    /// the numbers version 1 bundles held.
    public static let legacyNumericValues = CodingUserInfoKey(rawValue: "inquest.eventRecord.legacyNumericValues")!

    /// The event's id in the store the record was written from (links, notes, stars and tags
    /// written next to it refer to it).
    public var eventID: Int64
    public var timestampNs: Int64
    /// The time exactly as written in the record.
    public var timestampText: String
    /// What was assumed about the time: any of `zoneAssumed`, `yearAssumed`, `missing`, `unknown`.
    public var timeQuality: [String]
    /// ``SourceKind``'s raw value: `log`, `metric`, `trace`, `change`, `ci`, `alert`, `note`.
    public var sourceKind: String
    public var sourceName: String
    /// ``Severity/name``: `debug`, `info`, `warning`, `error`, `critical`.
    public var severity: String
    public var levelText: String?
    public var service: String?
    public var host: String?
    public var message: String
    public var traceID: String?
    public var spanID: String?
    public var requestID: String?
    /// The structured attributes as JSON object text.
    public var attributes: String
    /// The raw record's bytes as base64; nil where they travel elsewhere (an export's appendix).
    public var rawBase64: String?
    /// The store's dedupe key as 32 hex digits (lets an importer find an event it already has).
    public var dedupeKey: String

    /// The record of `event`, whose id is `eventID`; `includingRaw` false leaves ``rawBase64`` nil.
    public init(_ event: Event, eventID: Int64, includingRaw: Bool = true) {
        self.eventID = eventID
        timestampNs = event.timestamp.nanoseconds
        timestampText = event.timestampText
        timeQuality = Self.flagNames(event.timeQuality)
        sourceKind = event.sourceKind.rawValue
        sourceName = event.sourceName
        severity = event.severity.name
        levelText = event.levelText
        service = event.service
        host = event.host
        message = event.message
        traceID = event.traceID
        spanID = event.spanID
        requestID = event.requestID
        attributes = event.attributesJSON
        rawBase64 = includingRaw ? Data(event.raw).base64EncodedString() : nil
        dedupeKey = event.dedupeKey.hex
    }

    /// A member the record holds but that names no valid value (the member's name and its text).
    public struct InvalidField: Error, Sendable, Hashable {
        public var field: String
        public var value: String
    }

    /// The domain event (without an id); `raw` replaces ``rawBase64`` when given (an export's
    /// appendix), and no raw bytes at all are empty bytes.
    public func event(raw replacement: [UInt8]? = nil) throws(InvalidField) -> Event {
        guard let kind = SourceKind(rawValue: sourceKind) else { throw InvalidField(field: "sourceKind", value: sourceKind) }
        guard let level = Severity.allCases.first(where: { $0.name == severity }) else {
            throw InvalidField(field: "severity", value: severity)
        }
        var quality: TimeQuality = []
        for name in timeQuality {
            guard let flag = Self.flags.first(where: { $0.name == name }) else { throw InvalidField(field: "timeQuality", value: name) }
            quality.insert(flag.flag)
        }
        var raw = replacement ?? []
        if replacement == nil, let rawBase64 {
            guard let data = Data(base64Encoded: rawBase64) else {
                throw InvalidField(field: "rawBase64", value: String(rawBase64.prefix(40)))
            }
            raw = [UInt8](data)
        }
        guard let key = DedupeKey(hex: dedupeKey) else { throw InvalidField(field: "dedupeKey", value: dedupeKey) }
        return Event(
            timestamp: Timestamp(nanoseconds: timestampNs), timestampText: timestampText, timeQuality: quality,
            sourceKind: kind, sourceName: sourceName, severity: level, levelText: levelText, service: service, host: host,
            message: message, traceID: traceID, spanID: spanID, requestID: requestID, attributesJSON: attributes, raw: raw,
            dedupeKey: key)
    }

    static let flags: [(flag: TimeQuality, name: String)] = [(.zoneAssumed, "zoneAssumed"), (.yearAssumed, "yearAssumed"), (.missing, "missing"), (.unknown, "unknown")]

    /// `zoneAssumed`, `yearAssumed`, `missing`, `unknown`: the flags of `quality` by name, in that order.
    public static func flagNames(_ quality: TimeQuality) -> [String] {
        flags.filter { quality.contains($0.flag) }.map(\.name)
    }
}

extension EventRecord: Codable {
    enum CodingKeys: String, CodingKey {
        case eventID, timestampNs, timestampText, timeQuality, sourceKind, sourceName, severity, levelText, service, host
        case message, traceID, spanID, requestID, attributes, rawBase64, dedupeKey
    }

    /// Reads a record, and also an export entry's event fields when `timestampNs` is given
    /// (version 1 exports carried the time only as the entry's `time`).
    public init(from decoder: any Decoder, timestampNs fallback: Int64?) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        eventID = try container.decode(Int64.self, forKey: .eventID)
        if let fallback {
            timestampNs = try container.decodeIfPresent(Int64.self, forKey: .timestampNs) ?? fallback
        } else {
            timestampNs = try container.decode(Int64.self, forKey: .timestampNs)
        }
        timestampText = try container.decode(String.self, forKey: .timestampText)
        if let bits = try? container.decode(Int.self, forKey: .timeQuality) {
            timeQuality = Self.flagNames(TimeQuality(rawValue: bits))
        } else {
            timeQuality = try container.decode([String].self, forKey: .timeQuality)
        }
        sourceKind = try container.decode(String.self, forKey: .sourceKind)
        sourceName = try container.decode(String.self, forKey: .sourceName)
        if let number = try? container.decode(Int.self, forKey: .severity) {
            severity = Severity(rawValue: number)?.name ?? "\(number)"
        } else {
            severity = try container.decode(String.self, forKey: .severity)
        }
        levelText = try container.decodeIfPresent(String.self, forKey: .levelText)
        service = try container.decodeIfPresent(String.self, forKey: .service)
        host = try container.decodeIfPresent(String.self, forKey: .host)
        message = try container.decode(String.self, forKey: .message)
        traceID = try container.decodeIfPresent(String.self, forKey: .traceID)
        spanID = try container.decodeIfPresent(String.self, forKey: .spanID)
        requestID = try container.decodeIfPresent(String.self, forKey: .requestID)
        attributes = try container.decode(String.self, forKey: .attributes)
        rawBase64 = try container.decodeIfPresent(String.self, forKey: .rawBase64)
        dedupeKey = try container.decode(String.self, forKey: .dedupeKey)
    }

    public init(from decoder: any Decoder) throws {
        try self.init(from: decoder, timestampNs: nil)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(eventID, forKey: .eventID)
        try container.encode(timestampNs, forKey: .timestampNs)
        try container.encode(timestampText, forKey: .timestampText)
        if encoder.userInfo[Self.legacyNumericValues] as? Bool == true {
            var bits: TimeQuality = []
            for name in timeQuality { if let flag = Self.flags.first(where: { $0.name == name }) { bits.insert(flag.flag) } }
            try container.encode(bits.rawValue, forKey: .timeQuality)
            try container.encode(Severity.allCases.first { $0.name == severity }?.rawValue ?? -1, forKey: .severity)
        } else {
            try container.encode(timeQuality, forKey: .timeQuality)
            try container.encode(severity, forKey: .severity)
        }
        try container.encode(sourceKind, forKey: .sourceKind)
        try container.encode(sourceName, forKey: .sourceName)
        try container.encodeIfPresent(levelText, forKey: .levelText)
        try container.encodeIfPresent(service, forKey: .service)
        try container.encodeIfPresent(host, forKey: .host)
        try container.encode(message, forKey: .message)
        try container.encodeIfPresent(traceID, forKey: .traceID)
        try container.encodeIfPresent(spanID, forKey: .spanID)
        try container.encodeIfPresent(requestID, forKey: .requestID)
        try container.encode(attributes, forKey: .attributes)
        try container.encodeIfPresent(rawBase64, forKey: .rawBase64)
        try container.encode(dedupeKey, forKey: .dedupeKey)
    }
}

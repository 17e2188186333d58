import InquestCore

/// One key column of a ``MinuteCounts`` table besides the minute: the event field it counts by,
/// how the table stores it and how an append binds it.
///
/// Key columns cannot be NULL (a WITHOUT ROWID primary key), so a service or host an event
/// lacks is keyed by the empty blob `x''` (which no text equals) and a missing template by 0
/// (ids are positive); a generated column under the event's own column name reads them back as
/// NULL, so a filter compiled for `event` runs on the table unchanged.
enum MinuteCountKey: Sendable, Hashable, CaseIterable {
    case service
    case host
    case sourceKind
    case severity
    case template
    case sourceName

    /// The `event` column (and the table's column a filter or a breakdown reads).
    var eventColumn: String {
        switch self {
        case .service: "service"
        case .host: "host"
        case .sourceKind: "source_kind"
        case .severity: "severity"
        case .template: "template_id"
        case .sourceName: "source_name"
        }
    }

    /// The stored key column: the event column itself when it is never NULL.
    var keyColumn: String {
        switch self {
        case .service: "service_key"
        case .host: "host_key"
        case .sourceKind, .severity, .sourceName: eventColumn
        case .template: "template_key"
        }
    }

    /// The key column's definition, and the generated column reading it as the event's, if any.
    var definitions: (key: String, generated: String?) {
        switch self {
        case .service, .host:
            ("\(keyColumn) TEXT NOT NULL", "\(eventColumn) TEXT GENERATED ALWAYS AS (nullif(\(keyColumn), x'')) VIRTUAL")
        case .sourceKind, .sourceName: ("\(keyColumn) TEXT NOT NULL", nil)
        case .severity: ("\(keyColumn) INTEGER NOT NULL", nil)
        case .template:
            ("\(keyColumn) INTEGER NOT NULL", "\(eventColumn) INTEGER GENERATED ALWAYS AS (nullif(\(keyColumn), 0)) VIRTUAL")
        }
    }

    /// SQL turning `value` (an event column's value, or a bound parameter) into the key.
    func stored(_ value: String) -> String {
        switch self {
        case .service, .host: "ifnull(\(value), x'')"
        case .template: "ifnull(\(value), 0)"
        case .sourceKind, .severity, .sourceName: value
        }
    }

    /// Where an event's value sits in ``EncodedEvents``: among its arena values (text), or in
    /// its numbers.
    var encodedText: Int? {
        switch self {
        case .service: EncodedEvents.serviceValue
        case .host: EncodedEvents.hostValue
        case .sourceKind: EncodedEvents.sourceKindValue
        case .sourceName: EncodedEvents.sourceNameValue
        case .severity, .template: nil
        }
    }

    /// The breakdown dimension grouping by this key.
    var dimension: BreakdownDimension {
        switch self {
        case .service: .service
        case .host: .host
        case .sourceKind: .source
        case .severity: .severity
        case .template: .template
        case .sourceName: .sourceName
        }
    }

    /// The filter terms reading only this key.
    var filterColumns: FilterSQLColumns {
        switch self {
        case .service: .service
        case .host: .host
        case .sourceKind: .sourceKind
        case .severity: .severity
        case .template: .template
        case .sourceName: .sourceName
        }
    }
}

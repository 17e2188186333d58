import Foundation
import InquestCore
import PostgresNIO

extension TeamDatabase {
    /// Inserts an investigation and returns its id; an empty owner becomes the database role.
    static func insertInvestigation(_ investigation: Investigation, at time: Int64, _ connection: PostgresConnection, _ logger: Logger) async throws -> Int64 {
        let owner: String? = investigation.owner.isEmpty ? nil : investigation.owner
        let services = try servicesJSON(investigation.affectedServices)
        let resolvedAt = investigation.status == .resolved ? (investigation.resolvedAt?.nanoseconds ?? time) : investigation.resolvedAt?.nanoseconds
        let id = try await firstInt64(connection.query(
            """
            INSERT INTO investigation (title, summary, status, severity, owner, created_at, updated_at, resolved_at,
              window_start, window_end, affected_services, root_cause, impact, resolution)
            VALUES (\(investigation.title), \(investigation.summary), \(investigation.status.rawValue), \(investigation.severity.rawValue),
              coalesce(\(owner)::text, session_user), \(time), \(time), \(resolvedAt)::bigint,
              \(investigation.windowStart?.nanoseconds)::bigint, \(investigation.windowEnd?.nanoseconds)::bigint,
              \(services)::jsonb, \(investigation.rootCause), \(investigation.impact), \(investigation.resolution))
            RETURNING id
            """, logger: logger))
        guard let id else { throw TeamError.unexpectedRow("investigation: the insert returned no id") }
        return id
    }

    /// Sets the given fields of investigation `id` from `values`, field by field the later edit
    /// winning: a field takes the value only when the change was typed at or after the time the
    /// value it shows was typed (`field_set_at`, else the investigation's creation). The others
    /// (an edit typed before a teammate's, sent late from an outbox) are recorded in the audit
    /// trail as superseded, so both values are kept and the later one shows. The row is locked
    /// first (`FOR UPDATE`), so two edits of one investigation are decided one after the other.
    /// Column names come from ``InvestigationField``; every value is a bind. Becoming resolved
    /// without a resolution time takes the change's time.
    static func updateInvestigation(
        _ id: Int64, values: Investigation, fields: [InvestigationField], at time: Int64, _ connection: PostgresConnection,
        _ logger: Logger
    ) async throws {
        var current: (createdAt: Int64, setAt: String)?
        for try await row in try await connection.query(
            "SELECT created_at, field_set_at::text FROM investigation WHERE id = \(id) FOR UPDATE", logger: logger
        ).decode((Int64, String).self) {
            current = row
        }
        guard let current else { throw TeamError.investigationNotFound(id) }
        let setAt = (try? JSONDecoder().decode([String: Int64].self, from: Data(current.setAt.utf8))) ?? [:]
        var fieldsToSet = fields
        var resolvedAt = values.resolvedAt?.nanoseconds
        if fields.contains(.status), values.status == .resolved, resolvedAt == nil {
            resolvedAt = time
            if !fieldsToSet.contains(.resolvedAt) { fieldsToSet.append(.resolvedAt) }
        }
        let later = fieldsToSet.filter { time >= setAt[$0.rawValue] ?? current.createdAt }
        let superseded = fieldsToSet.filter { !later.contains($0) }

        if !later.isEmpty {
            var binds = PostgresBindings()
            var assignments: [String] = []
            for field in later {
                try bind(field, of: values, resolvedAt: resolvedAt, into: &binds)
                assignments.append("\(field.rawValue) = $\(binds.count)::\(columnType(field))")
            }
            binds.append(time)
            let timeParameter = "$\(binds.count)::bigint"
            let times = later.map { "'\($0.rawValue)', \(timeParameter)" }.joined(separator: ", ")
            assignments.append("field_set_at = field_set_at || jsonb_build_object(\(times))")
            assignments.append("updated_at = greatest(updated_at, \(timeParameter))")
            binds.append(id)
            let sql = "UPDATE investigation SET \(assignments.joined(separator: ", ")) WHERE id = $\(binds.count)"
            try await connection.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: logger)
        }
        if !superseded.isEmpty {
            try await recordSuperseded(id, superseded, of: values, resolvedAt: resolvedAt, connection, logger)
        }
    }

    /// Writes the audit entry of edits that lost to later ones: the row as it stays (`before`)
    /// and with the edit's values (`after`), the fields named as superseded.
    private static func recordSuperseded(
        _ id: Int64, _ fields: [InvestigationField], of values: Investigation, resolvedAt: Int64?, _ connection: PostgresConnection,
        _ logger: Logger
    ) async throws {
        var binds = PostgresBindings()
        var pairs: [String] = []
        for field in fields {
            try bind(field, of: values, resolvedAt: resolvedAt, into: &binds)
            pairs.append("'\(field.rawValue)', $\(binds.count)::\(columnType(field))")
        }
        binds.append(fields.map(\.rawValue).joined(separator: ", ") + " (superseded: a later edit shows)")
        let detail = "$\(binds.count)::text"
        binds.append(id)
        let sql = """
            SELECT inquest_record('investigation', 'update', i.id, NULL, NULL, \(detail), row_jsonb,
                                  row_jsonb || jsonb_build_object(\(pairs.joined(separator: ", "))))
            FROM investigation i, LATERAL (SELECT to_jsonb(i) - 'field_set_at' AS row_jsonb) r WHERE i.id = $\(binds.count)
            """
        try await connection.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: logger)
    }

    /// Appends the value `values` has for `field` (`resolvedAt` for the resolution time).
    private static func bind(_ field: InvestigationField, of values: Investigation, resolvedAt: Int64?, into binds: inout PostgresBindings) throws {
        switch field {
        case .title: binds.append(values.title)
        case .summary: binds.append(values.summary)
        case .status: binds.append(values.status.rawValue)
        case .severity: binds.append(values.severity.rawValue)
        case .owner: binds.append(values.owner)
        case .resolvedAt: binds.append(resolvedAt)
        case .windowStart: binds.append(values.windowStart?.nanoseconds)
        case .windowEnd: binds.append(values.windowEnd?.nanoseconds)
        case .affectedServices: binds.append(try servicesJSON(values.affectedServices))
        case .rootCause: binds.append(values.rootCause)
        case .impact: binds.append(values.impact)
        case .resolution: binds.append(values.resolution)
        }
    }

    private static func columnType(_ field: InvestigationField) -> String {
        switch field {
        case .resolvedAt, .windowStart, .windowEnd: "bigint"
        case .affectedServices: "jsonb"
        default: "text"
        }
    }

    static func servicesJSON(_ services: [String]) throws -> String {
        String(decoding: try JSONEncoder().encode(services), as: UTF8.self)
    }
}

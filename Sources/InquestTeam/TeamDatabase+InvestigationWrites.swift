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

    /// Sets the given fields of investigation `id` from `values` in one statement (the column
    /// names come from ``InvestigationField``; every value is a bind). Becoming resolved without
    /// a resolution time takes the change's time.
    static func updateInvestigation(
        _ id: Int64, values: Investigation, fields: [InvestigationField], at time: Int64, _ connection: PostgresConnection,
        _ logger: Logger
    ) async throws {
        var assignments: [String] = []
        var binds = PostgresBindings()
        func placeholder() -> String { "$\(binds.count)" }
        var fieldsToSet = fields
        var resolvedAt = values.resolvedAt?.nanoseconds
        if fields.contains(.status), values.status == .resolved, resolvedAt == nil {
            resolvedAt = time
            if !fieldsToSet.contains(.resolvedAt) { fieldsToSet.append(.resolvedAt) }
        }
        for field in fieldsToSet {
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
            assignments.append("\(field.rawValue) = \(placeholder())::\(columnType(field))")
        }
        binds.append(time)
        assignments.append("updated_at = greatest(updated_at, \(placeholder())::bigint)")
        binds.append(id)
        let sql = "UPDATE investigation SET \(assignments.joined(separator: ", ")) WHERE id = \(placeholder()) RETURNING id"
        let rows = try await connection.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: logger).collect()
        guard !rows.isEmpty else { throw TeamError.investigationNotFound(id) }
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

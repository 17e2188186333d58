import Foundation
import InquestCore
import InquestTeam
import InquestTestSupport

/// Events and connections shared by the team tests.
enum TeamFixtures {
    /// The record of a log event numbered `n` (its dedupe key depends on `n` and `source` only).
    static func record(_ n: Int, source: String = "checkout.log", message: String? = nil) -> EventRecord {
        let raw = Array("2026-12-07T03:0\(n % 10):00Z ERROR checkout upstream timeout n=\(n)".utf8)
        let event = Event(
            timestamp: Timestamp(nanoseconds: 1_765_000_000_000_000_000 + Int64(n) * 1_000_000_000), timestampText: "t\(n)",
            timeQuality: [], sourceKind: .log, sourceName: source, severity: .error, levelText: "ERROR", service: "checkout",
            host: "web-1", message: message ?? "upstream timeout n=\(n)", attributesJSON: "{\"n\":\(n)}", raw: raw,
            dedupeKey: DedupeKey(source: source, raw: raw, offset: Int64(n) * 100))
        return EventRecord(event, eventID: Int64(n))
    }

    /// A team database on `cluster`, connected as `role`, migrated.
    static func open(_ cluster: PostgresCluster, role: String? = nil, osUser: String = "tester") async throws -> TeamDatabase {
        try await TeamDatabase.open(url: try TeamURL(parsing: cluster.url(role: role), environment: [:]), osUser: osUser)
    }

    /// Applies the migrations as the superuser and closes the connection.
    static func migrate(_ cluster: PostgresCluster) async throws {
        let database = try await open(cluster)
        await database.close()
    }

    /// Creates login roles that may use the investigation layer (after the first migration).
    static func createRoles(_ names: [String], on cluster: PostgresCluster) throws {
        for name in names {
            try cluster.psql("""
                CREATE ROLE \(name) LOGIN;
                GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO \(name);
                GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO \(name);
                """)
        }
    }

    /// A migrated team database on `cluster` with a login role per name, and a connection as each
    /// (in order): the set-up of every test where investigators share an investigation.
    static func investigators(_ names: [String], on cluster: PostgresCluster) async throws -> [TeamDatabase] {
        try await migrate(cluster)
        try createRoles(names, on: cluster)
        var connections: [TeamDatabase] = []
        for name in names { connections.append(try await open(cluster, role: name)) }
        return connections
    }
}

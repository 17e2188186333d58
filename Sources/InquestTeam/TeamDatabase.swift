import Foundation
import InquestCore
import Logging
import PostgresNIO

/// The team database: one PostgreSQL connection that this process writes and reads the shared
/// investigation layer through, re-opened on the next operation after it breaks.
///
/// Every operation runs alone on the connection (``AsyncSerialLock``), so a transaction's
/// statements never interleave with another's. Every statement is parameterised: values travel
/// as binds (`PostgresQuery`'s interpolation), never inside the SQL text. Live changes come
/// through a second connection (``TeamListener``).
public final class TeamDatabase: Sendable {
    public let url: TeamURL
    /// The OS user this process runs as, recorded beside the database role in the audit trail.
    public let osUser: String
    let logger: Logger
    private let lock = AsyncSerialLock()
    private let state = ConnectionState()

    public init(url: TeamURL, osUser: String = CurrentUser.name, logger: Logger = TeamDatabase.silentLogger) {
        self.url = url
        self.osUser = osUser
        self.logger = logger
    }

    /// A logger that discards everything (the canvas owns the screen).
    public static var silentLogger: Logger {
        Logger(label: "inquest.team", factory: { _ in SwiftLogNoOpLogHandler() })
    }

    /// Connects and applies the migrations this version knows; throws ``TeamError/unreachable(_:)``
    /// when the database cannot be reached.
    public static func open(url: TeamURL, osUser: String = CurrentUser.name, logger: Logger = TeamDatabase.silentLogger) async throws -> TeamDatabase {
        let database = TeamDatabase(url: url, osUser: osUser, logger: logger)
        try await database.migrate()
        return database
    }

    /// Runs `body` alone on the connection, opening it first if needed. A connection failure
    /// closes the connection (the next call opens a new one) and becomes ``TeamError/unreachable(_:)``;
    /// an error the server reports becomes ``TeamError/server(_:)``. A connection kept from
    /// before that turns out broken (the server restarted meanwhile) is replaced and `body` run
    /// once more on the new one: nothing it sent was committed, and a change sent twice is
    /// applied once anyway (``apply(_:)``).
    func withConnection<T: Sendable>(_ operation: String, _ body: @Sendable (PostgresConnection) async throws -> T) async throws(TeamError) -> T {
        do {
            return try await lock.withLock {
                var attempt = 0
                while true {
                    attempt += 1
                    let (connection, reused) = try await self.connection()
                    do {
                        return try await body(connection)
                    } catch {
                        let broken = Self.isConnectionFailure(error) || connection.isClosed
                        if broken { await self.state.drop() }
                        guard broken, reused, attempt == 1 else { throw error }
                    }
                }
            }
        } catch let error as TeamError {
            throw error
        } catch {
            throw Self.teamError(error, operation: operation, url: url)
        }
    }

    /// Runs `body` in one transaction (BEGIN … COMMIT, rolled back when it throws).
    func withTransaction<T: Sendable>(_ operation: String, _ body: @escaping @Sendable (PostgresConnection) async throws -> T) async throws(TeamError) -> T {
        let logger = self.logger
        return try await withConnection(operation) { connection in
            try await connection.withTransaction(logger: logger) { try await body($0) }
        }
    }

    /// Runs `body` with a team database on `url` and closes it after, also when `body` throws.
    public static func using<T: Sendable>(
        url: TeamURL, osUser: String = CurrentUser.name, logger: Logger = TeamDatabase.silentLogger,
        _ body: (TeamDatabase) async throws -> T
    ) async throws -> T {
        let database = TeamDatabase(url: url, osUser: osUser, logger: logger)
        do {
            let value = try await body(database)
            await database.close()
            return value
        } catch {
            await database.close()
            throw error
        }
    }

    /// Closes the connection (a later operation opens another).
    public func close() async {
        await lock.acquire()
        await state.drop()
        await lock.release()
    }

    /// The open connection (`reused`), else a new one.
    private func connection() async throws -> (connection: PostgresConnection, reused: Bool) {
        if let open = await state.current, !open.isClosed { return (open, true) }
        let connection = try await PostgresConnection.connect(
            configuration: try url.configuration(), id: await state.nextID(), logger: logger)
        // The OS user, for the audit trail's os_user column (see the migration).
        try await connection.query("SELECT set_config('inquest.os_user', \(osUser), false)", logger: logger)
        await state.set(connection)
        return (connection, false)
    }
}

/// The connection a ``TeamDatabase`` holds between operations.
private actor ConnectionState {
    private(set) var current: PostgresConnection?
    private var lastID = 0

    func nextID() -> Int {
        lastID += 1
        return lastID
    }

    func set(_ connection: PostgresConnection) {
        current = connection
    }

    func drop() async {
        let closing = current
        current = nil
        try? await closing?.close()
    }

    deinit {
        // A database released without close(): close its connection anyway (the future keeps
        // the connection alive until it is closed).
        let closing: EventLoopFuture<Void>? = current?.close()
        _ = closing
    }
}

import Foundation
import Logging
import PostgresNIO

/// Listens to the team database's `inquest_team` channel on a connection of its own and reports
/// every committed change as it is announced (LISTEN/NOTIFY: pushed by the server, nothing
/// polls). When the connection breaks it reports ``TeamListenerEvent/disconnected(_:)`` and
/// reconnects with backoff (0.25 s doubling to 2 s), then reports ``TeamListenerEvent/connected``
/// again, after which a reader reloads (changes made meanwhile were not announced to it).
public enum TeamListener {
    /// The channel the audit trigger notifies.
    public static let channel = "inquest_team"

    /// The events of a listener that runs until the stream is dropped or its consumer cancelled.
    public static func events(url: TeamURL, logger: Logger = TeamDatabase.silentLogger) -> AsyncStream<TeamListenerEvent> {
        let (stream, continuation) = AsyncStream.makeStream(of: TeamListenerEvent.self, bufferingPolicy: .unbounded)
        let task = Task {
            var delay: Duration = .milliseconds(250)
            while !Task.isCancelled {
                do {
                    let connection = try await PostgresConnection.connect(
                        configuration: try url.configuration(), id: 0, logger: logger)
                    do {
                        try await connection.listen(on: channel) { notifications in
                            continuation.yield(.connected)
                            delay = .milliseconds(250)
                            for try await notification in notifications {
                                if let notice = TeamChangeNotice(payload: notification.payload) {
                                    continuation.yield(.changed(notice))
                                }
                            }
                        }
                        try? await connection.close()
                    } catch {
                        try? await connection.close()
                        throw error
                    }
                    if Task.isCancelled { break }
                    continuation.yield(.disconnected("\(url): the notification stream ended"))
                } catch {
                    if Task.isCancelled { break }
                    continuation.yield(.disconnected(TeamDatabase.teamError(error, operation: "listening", url: url).message))
                }
                try? await Task.sleep(for: delay)
                delay = min(delay * 2, .seconds(2))
            }
            continuation.finish()
        }
        continuation.onTermination = { _ in task.cancel() }
        return stream
    }
}

extension TeamError {
    /// The message for a status line or a log.
    public var message: String {
        switch self {
        case .invalidURL(let text): "invalid team URL: \(text)"
        case .unreachable(let text): "team database unreachable: \(text)"
        case .server(let text): "team database: \(text)"
        case .notMigrated(let text):
            "the team database is not migrated (\(text)): run `inquest team migrate` once as a role that may create tables"
        case .investigationNotFound(let id): "no investigation #\(id) in the team database"
        case .unexpectedRow(let text): "team database: unexpected row: \(text)"
        }
    }
}

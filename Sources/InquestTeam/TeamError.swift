import Foundation

/// What can go wrong talking to the team database (PostgreSQL).
public enum TeamError: Error, Equatable, Sendable {
    /// The team URL is not a `postgres://` or `postgresql://` URL with a host or a socket path.
    case invalidURL(String)
    /// The database could not be reached or the connection broke (the message says why).
    case unreachable(String)
    /// The database answered with an error (the server's message).
    case server(String)
    /// The database lacks the team schema, or part of it (a table or function a statement
    /// names does not exist): nobody has run `inquest team migrate` on it, or an older version
    /// did. Changes wait in the outbox rather than being refused.
    case notMigrated(String)
    /// No investigation with this id exists in the team database.
    case investigationNotFound(Int64)
    /// A row came back in a shape this version does not understand (a column, what was wrong).
    case unexpectedRow(String)
}

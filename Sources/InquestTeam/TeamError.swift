import Foundation

/// What can go wrong talking to the team database (PostgreSQL).
public enum TeamError: Error, Equatable, Sendable {
    /// The team URL is not a `postgres://` or `postgresql://` URL with a host or a socket path.
    case invalidURL(String)
    /// The database could not be reached or the connection broke (the message says why).
    case unreachable(String)
    /// The database answered with an error (the server's message).
    case server(String)
    /// No investigation with this id exists in the team database.
    case investigationNotFound(Int64)
    /// A row came back in a shape this version does not understand (a column, what was wrong).
    case unexpectedRow(String)
}

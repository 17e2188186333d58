import Foundation
import PostgresNIO

/// Where the team database is: a `postgres://` (or `postgresql://`) URL, as libpq writes it.
///
/// `postgres://USER:PASSWORD@HOST:PORT/DATABASE` connects over TCP; `postgres:///DATABASE?host=/DIR`
/// (or a percent-encoded path as the host) connects to the Unix socket `DIR/.s.PGSQL.PORT`.
/// The user defaults to the OS user (`USER`), the port to 5432, the database to the user's name;
/// `PGPASSWORD` supplies a password the URL leaves out. `sslmode=require` asks for TLS.
public struct TeamURL: Sendable, Hashable, CustomStringConvertible {
    public enum Endpoint: Sendable, Hashable {
        case tcp(host: String, port: Int)
        case unixSocket(path: String)
    }

    public var endpoint: Endpoint
    public var user: String
    public var password: String?
    public var database: String
    public var requiresTLS: Bool

    public init(endpoint: Endpoint, user: String, password: String? = nil, database: String, requiresTLS: Bool = false) {
        self.endpoint = endpoint
        self.user = user
        self.password = password
        self.database = database
        self.requiresTLS = requiresTLS
    }

    /// Parses `text`; `environment` supplies `USER` and `PGPASSWORD` defaults.
    public init(parsing text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws(TeamError) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let components = URLComponents(string: trimmed),
              let scheme = components.scheme?.lowercased(), scheme == "postgres" || scheme == "postgresql"
        else { throw TeamError.invalidURL("\(trimmed): expected postgres://USER@HOST:PORT/DATABASE") }
        let query = Dictionary(
            (components.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { _, last in last })
        let port: Int
        if let given = components.port {
            guard (1...65535).contains(given) else { throw TeamError.invalidURL("\(trimmed): port \(given) is out of range") }
            port = given
        } else if let given = query["port"] {
            guard let number = Int(given), (1...65535).contains(number) else {
                throw TeamError.invalidURL("\(trimmed): port \(given) is not a port number")
            }
            port = number
        } else {
            port = 5432
        }
        let host = query["host"] ?? components.percentEncodedHost.flatMap { $0.removingPercentEncoding } ?? ""
        if host.hasPrefix("/") {
            endpoint = .unixSocket(path: (host as NSString).appendingPathComponent(".s.PGSQL.\(port)"))
        } else if host.isEmpty {
            endpoint = .unixSocket(path: "/var/run/postgresql/.s.PGSQL.\(port)")
        } else {
            endpoint = .tcp(host: host, port: port)
        }
        let osUser = environment["USER"].flatMap { $0.isEmpty ? nil : $0 } ?? NSUserName()
        user = components.user.flatMap { $0.isEmpty ? nil : $0 } ?? query["user"] ?? osUser
        password = components.password ?? query["password"] ?? environment["PGPASSWORD"]
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        database = path.isEmpty ? (query["dbname"] ?? user) : path
        switch query["sslmode"] ?? "disable" {
        case "disable", "allow", "prefer": requiresTLS = false
        case "require", "verify-ca", "verify-full": requiresTLS = true
        case let other: throw TeamError.invalidURL("\(trimmed): sslmode \(other) is not one of disable, prefer, require")
        }
    }

    /// The URL without the password: how the outbox names the database and how messages show it.
    public var description: String {
        switch endpoint {
        case .tcp(let host, let port):
            let shownHost = host.contains(":") ? "[\(host)]" : host
            return "postgres://\(user)@\(shownHost):\(port)/\(database)"
        case .unixSocket(let path):
            let directory = (path as NSString).deletingLastPathComponent
            let port = (path as NSString).pathExtension
            let encoded = directory.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? directory
            return "postgres://\(user)@/\(database)?host=\(encoded)&port=\(port)"
        }
    }

    /// The client configuration for this URL.
    func configuration() throws -> PostgresConnection.Configuration {
        var configuration: PostgresConnection.Configuration
        switch endpoint {
        case .tcp(let host, let port):
            let tls: PostgresConnection.Configuration.TLS =
                requiresTLS ? .require(try NIOSSLContext(configuration: .makeClientConfiguration())) : .disable
            configuration = .init(host: host, port: port, username: user, password: password, database: database, tls: tls)
        case .unixSocket(let path):
            configuration = .init(unixSocketPath: path, username: user, password: password, database: database)
        }
        configuration.options.connectTimeout = .seconds(3)
        return configuration
    }
}

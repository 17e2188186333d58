import Foundation
import InquestTmux
import Testing

/// A throw-away PostgreSQL cluster for tests: `initdb` in a temporary directory, the server
/// listening only on a Unix socket in that directory (no TCP port, so clusters of parallel
/// tests never collide), trust authentication, `fsync` off. ``stop()`` and ``start()`` stop and
/// restart the same cluster (the outbox tests); ``destroy()`` removes it.
///
/// PostgreSQL refuses to run as root. When the tests run as root (CI's container), every
/// server command runs as the `postgres` user that Debian's package creates (`runuser -u
/// postgres`), which owns the directory; the tests, as root, can still reach its socket.
public final class PostgresCluster: @unchecked Sendable {
    /// The directory of the server binaries (`initdb`, `pg_ctl`, `psql`), or nil.
    public static let binDirectory: URL? = {
        let fileManager = FileManager.default
        var candidates: [URL] = []
        if let override = ProcessInfo.processInfo.environment["INQUEST_PG_BIN"], !override.isEmpty {
            candidates.append(URL(fileURLWithPath: override))
        }
        let debian = URL(fileURLWithPath: "/usr/lib/postgresql")
        let versions = ((try? fileManager.contentsOfDirectory(atPath: debian.path)) ?? [])
            .compactMap { name in Int(name).map { ($0, name) } }.sorted { $0.0 > $1.0 }
        candidates += versions.map { debian.appendingPathComponent($0.1).appendingPathComponent("bin") }
        candidates += (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map { URL(fileURLWithPath: String($0)) }
        return candidates.first { fileManager.isExecutableFile(atPath: $0.appendingPathComponent("initdb").path)
            && fileManager.isExecutableFile(atPath: $0.appendingPathComponent("pg_ctl").path) }
    }()

    /// Whether a cluster can be started here: the binaries exist and, as root, a `postgres` user
    /// and `runuser` to switch to it.
    public static let isAvailable: Bool = {
        guard binDirectory != nil else { return false }
        if geteuid() != 0 { return true }
        return getpwnam("postgres") != nil && FileManager.default.isExecutableFile(atPath: "/usr/sbin/runuser")
    }()

    /// Why a PostgreSQL test is skipped, for `.enabled(if:_:)`.
    public static let skipReason: Comment =
        "PostgreSQL server binaries (initdb, pg_ctl) not found (apt-get install postgresql; as root, the postgres user too); CI installs them"

    /// The cluster's directory (its data in `data/`, its socket and log beside).
    public let directory: URL
    /// The socket's port number (only names the socket file; nothing listens on TCP).
    public let port: Int
    /// The superuser role tests connect as.
    public let superuser = "postgres"
    private let bin: URL

    /// Creates and starts a cluster.
    public init() throws {
        guard let bin = Self.binDirectory else { throw Failure(message: "PostgreSQL binaries not found") }
        self.bin = bin
        port = Int.random(in: 20_000..<60_000)
        let template = FileManager.default.temporaryDirectory.appendingPathComponent("inquest-pg-XXXXXX").path
        var buffer = Array(template.utf8CString)
        guard let made = mkdtemp(&buffer) else { throw Failure(message: "mkdtemp failed: \(errno)") }
        directory = URL(fileURLWithPath: String(cString: made))
        if geteuid() == 0, let user = getpwnam("postgres") {
            guard chown(directory.path, user.pointee.pw_uid, user.pointee.pw_gid) == 0 else {
                throw Failure(message: "chown \(directory.path) to postgres failed: \(errno)")
            }
        }
        try run("initdb", ["-D", dataDirectory, "-U", superuser, "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"])
        try start()
    }

    deinit {
        destroy()
    }

    var dataDirectory: String { directory.appendingPathComponent("data").path }

    /// The URL of database `database` on this cluster (as `role`).
    public func url(database: String = "postgres", role: String? = nil) -> String {
        let host = directory.path.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? directory.path
        return "postgres://\(role ?? superuser)@/\(database)?host=\(host)&port=\(port)"
    }

    /// Starts the server and waits until it accepts connections.
    public func start() throws {
        let options = "-k \(directory.path) -c listen_addresses='' -p \(port) -c fsync=off -c synchronous_commit=off"
        try run("pg_ctl", ["-D", dataDirectory, "-o", options, "-l", directory.appendingPathComponent("server.log").path, "-w", "-t", "60", "start"])
    }

    /// Stops the server (fast shutdown: open connections are cut, as when a database goes away).
    public func stop() throws {
        try run("pg_ctl", ["-D", dataDirectory, "-m", "fast", "-w", "stop"])
    }

    /// Runs SQL as the superuser through `psql` (setup: roles, grants; checks) and returns what
    /// it printed, unaligned and without headers (`-tA`).
    @discardableResult
    public func psql(_ sql: String, database: String = "postgres") throws -> String {
        try run("psql", ["-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1", "-h", directory.path, "-p", String(port), "-U", superuser, "-d", database, "-c", sql])
    }

    /// Stops the server at once and removes the directory.
    public func destroy() {
        guard FileManager.default.fileExists(atPath: directory.path) else { return }
        _ = try? run("pg_ctl", ["-D", dataDirectory, "-m", "immediate", "-w", "stop"])
        try? FileManager.default.removeItem(at: directory)
    }

    /// Runs a PostgreSQL binary (as `postgres` when this process is root) through ``CleanSpawn``
    /// (`pg_ctl start` daemonizes the server, which kept Foundation's `Process` from ever seeing it
    /// exit); throws with its output on failure.
    @discardableResult
    private func run(_ tool: String, _ arguments: [String]) throws -> String {
        let executable = bin.appendingPathComponent(tool).path
        let command = geteuid() == 0 ? ["/usr/sbin/runuser", "-u", "postgres", "--", executable] + arguments : [executable] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["LC_ALL"] = "C"
        environment["LANG"] = "C"
        let result = try CleanSpawn.run(command, environment: environment, includeStandardError: true)
        guard result.succeeded else {
            throw Failure(message: "\(tool) \(arguments.joined(separator: " ")) failed (status \(result.status)): \(result.output)")
        }
        return result.output
    }

    public struct Failure: Error, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }
}

/// The trait of a test that starts a ``PostgresCluster``: skipped, with the reason, where the
/// PostgreSQL binaries are missing.
public let needsPostgres = Testing.ConditionTrait.enabled(if: PostgresCluster.isAvailable, PostgresCluster.skipReason)

import Foundation
import Testing

/// The real receivers the notification tests talk to: Debian's aiosmtpd as an SMTP server with
/// STARTTLS (a certificate made by `openssl req` for the test) and a Python webhook receiver that
/// checks signatures and remembers idempotency keys. Both are scripts in `Scripts/`.
public enum NotifyTestServers {
    static var repositoryRoot: URL {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }

    /// A Python 3 that can import aiosmtpd (Debian's `/usr/bin/python3` with python3-aiosmtpd,
    /// else the first `python3` on PATH that has it).
    public static let python: String? = {
        var candidates = ["/usr/bin/python3"]
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            candidates.append("\(directory)/python3")
        }
        return candidates.first { path in
            FileManager.default.isExecutableFile(atPath: path) && run(path, ["-c", "import aiosmtpd"]) == 0
        }
    }()

    /// `openssl`, when installed.
    public static let openssl: String? = ["/usr/bin/openssl", "/usr/local/bin/openssl"].first { FileManager.default.isExecutableFile(atPath: $0) }

    public static var isAvailable: Bool { python != nil && openssl != nil }

    /// Why the notification tests with real servers are skipped, for `.enabled(if:_:)`.
    public static let skipReason: Comment = "needs python3-aiosmtpd and openssl (apt-get install -y python3-aiosmtpd openssl); .ci/run installs them"

    /// A certificate for `localhost` and 127.0.0.1, valid one day, and its key, in `directory`.
    public static func makeCertificate(in directory: URL) throws -> (certificate: URL, key: URL) {
        guard let openssl else { throw ServerFailed(reason: "openssl is not installed") }
        let certificate = directory.appendingPathComponent("cert.pem")
        let key = directory.appendingPathComponent("key.pem")
        let status = run(openssl, [
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key.path, "-out", certificate.path, "-days", "1",
            "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
        ])
        guard status == 0 else { throw ServerFailed(reason: "openssl req exited \(status)") }
        return (certificate, key)
    }

    /// Starts `Scripts/notify-test-smtp.py` writing messages to `mailbox`; without a certificate
    /// it offers no STARTTLS.
    public static func startSMTP(mailbox: URL, certificate: URL?, key: URL?, requireStartTLS: Bool = true, user: String? = nil, password: String? = nil) throws -> ScriptServer {
        var arguments = ["--dir", mailbox.path]
        if let certificate, let key { arguments += ["--cert", certificate.path, "--key", key.path] }
        if requireStartTLS { arguments.append("--require-starttls") }
        if let user { arguments += ["--user", user, "--password", password ?? ""] }
        return try ScriptServer(script: "notify-test-smtp.py", arguments: arguments, logDirectory: mailbox.deletingLastPathComponent())
    }

    /// Starts `Scripts/notify-test-webhook.py` recording into `directory`.
    public static func startWebhookReceiver(directory: URL, secret: String, stallFirst: Bool = false) throws -> ScriptServer {
        var arguments = ["--dir", directory.path, "--secret", secret]
        if stallFirst { arguments.append("--stall-first") }
        return try ScriptServer(script: "notify-test-webhook.py", arguments: arguments, logDirectory: directory)
    }

    /// The JSON objects of a `.jsonl` file (none when it does not exist yet).
    public static func jsonLines(_ url: URL) -> [[String: Any]] {
        guard let data = FileManager.default.contents(atPath: url.path) else { return [] }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
    }

    /// The `.eml` files of a mailbox folder, by name.
    public static func messages(in mailbox: URL) -> [String] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: mailbox.path)) ?? []).filter { $0.hasSuffix(".eml") }.sorted()
        return names.compactMap { FileManager.default.contents(atPath: mailbox.appendingPathComponent($0).path) }
            .map { String(decoding: $0, as: UTF8.self) }
    }

    /// Polls `condition` every 50 ms until it holds or `seconds` pass; returns whether it held.
    public static func poll(seconds: Double, _ condition: () -> Bool) async -> Bool {
        let deadline = ContinuousClock.now + .milliseconds(Int64(seconds * 1000))
        while ContinuousClock.now < deadline {
            if condition() { return true }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return condition()
    }

    static func run(_ executable: String, _ arguments: [String]) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return -1
        }
        process.waitUntilExit()
        return process.terminationStatus
    }

    public struct ServerFailed: Error, CustomStringConvertible {
        public var reason: String
        public var description: String { "test server: \(reason)" }
    }
}

/// One of the Python test servers, running until ``stop()`` (or release); its port is the one
/// it printed as `READY PORT`.
public final class ScriptServer: @unchecked Sendable {
    public let port: Int
    private let process = Process()

    init(script: String, arguments: [String], logDirectory: URL) throws {
        guard let python = NotifyTestServers.python else { throw NotifyTestServers.ServerFailed(reason: "no python3 with aiosmtpd") }
        let output = logDirectory.appendingPathComponent("\(script).out")
        let errors = logDirectory.appendingPathComponent("\(script).err")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [NotifyTestServers.repositoryRoot.appendingPathComponent("Scripts/\(script)").path] + arguments
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = try FileHandle(forWritingTo: errors)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(60)
        var port: Int?
        while port == nil, Date() < deadline, process.isRunning {
            let text = String(decoding: FileManager.default.contents(atPath: output.path) ?? Data(), as: UTF8.self)
            port = text.split(separator: "\n").first { $0.hasPrefix("READY ") }.flatMap { Int($0.dropFirst(6)) }
            if port == nil { usleep(50_000) }
        }
        guard let port else {
            process.terminate()
            let log = String(decoding: FileManager.default.contents(atPath: errors.path) ?? Data(), as: UTF8.self)
            throw NotifyTestServers.ServerFailed(reason: "\(script) did not start: \(log)")
        }
        self.port = port
    }

    /// SIGKILL, not `terminate()`: a child of the test runner inherits its blocked SIGTERM, so
    /// a SIGTERM never arrived and `waitUntilExit()` waited for ever.
    public func stop() {
        guard process.isRunning else { return }
        _ = kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    deinit { stop() }
}

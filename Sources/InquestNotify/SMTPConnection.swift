import Foundation
import InquestCore

/// One TCP connection to an SMTP server: blocking, every connect, read and write bounded by one
/// deadline; in the clear until ``startTLS(host:caFile:)`` puts a ``TLSSession`` under it. Lines
/// are read with a bound on their length, so a hostile server cannot grow the buffer.
final class SMTPConnection {
    /// RFC 5321 allows 512 bytes per reply line; a generous bound against a hostile server.
    static let maximumLineBytes = 64 * 1024

    private let descriptor: Int32
    private let deadline: ContinuousClock.Instant
    private let server: String
    private let timeout: Duration
    private var tls: TLSSession?
    private var pending: [UInt8] = []

    /// A write to a socket the server closed raises SIGPIPE, which would end the process;
    /// the failed write is reported as an error instead.
    private static let ignoreBrokenPipes: Void = { _ = signal(SIGPIPE, SIG_IGN) }()

    /// Connects to `host:port` (each address it resolves to, in turn) before `timeout` passes;
    /// the same deadline bounds everything after.
    init(host: String, port: Int, timeout: Duration, server: String) throws {
        Self.ignoreBrokenPipes
        self.deadline = ContinuousClock.now + timeout
        self.server = server
        self.timeout = timeout
        self.descriptor = try Self.connect(host: host, port: port, deadline: deadline, server: server)
    }

    deinit {
        tls?.shutdown()
        tls = nil
        _ = close(descriptor)
    }

    /// Whether TLS is on.
    var isSecure: Bool { tls != nil }

    /// Starts TLS on the connection (after the server's `220` to STARTTLS).
    func startTLS(host: String, caFile: String?) throws {
        try armTimeouts()
        tls = try TLSSession(
            descriptor: descriptor, host: host, isIPAddress: Self.isIPAddress(host), caFile: caFile, server: server)
        pending.removeAll()
    }

    /// The next line without its CRLF (or LF).
    func readLine() throws -> String {
        var scanned = 0
        while true {
            if let newline = pending[scanned...].firstIndex(of: UInt8(ascii: "\n")) {
                var end = newline
                if end > 0, pending[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                let line = String(decoding: pending[..<end], as: UTF8.self)
                pending.removeFirst(newline + 1)
                return line
            }
            scanned = pending.count
            guard pending.count <= Self.maximumLineBytes else {
                throw NotifyError.smtpProtocol(server: server, reason: "a line longer than \(Self.maximumLineBytes) bytes")
            }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let count = try receive(into: &chunk)
            guard count > 0 else {
                throw NotifyError.connectionFailed(server: server, reason: "the server closed the connection")
            }
            pending += chunk[..<count]
        }
    }

    /// Writes all of `bytes`.
    func write(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            try armTimeouts()
            let written: Int? = try bytes.withUnsafeBytes { buffer in
                guard let base = buffer.baseAddress?.advanced(by: offset) else { return 0 }
                if let tls { return try tls.write(base, count: buffer.count - offset) }
                let result = send(descriptor, base, buffer.count - offset, Int32(MSG_NOSIGNAL))
                if result >= 0 { return result }
                if errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR { return nil }
                throw NotifyError.connectionFailed(server: server, reason: "write failed: \(Self.errorText())")
            }
            offset += written ?? 0
        }
    }

    private func receive(into chunk: inout [UInt8]) throws -> Int {
        while true {
            try armTimeouts()
            let count: Int? = try chunk.withUnsafeMutableBytes { buffer in
                guard let base = buffer.baseAddress else { return 0 }
                if let tls { return try tls.read(into: base, count: buffer.count) }
                let result = recv(descriptor, base, buffer.count, 0)
                if result >= 0 { return result }
                if errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR { return nil }
                throw NotifyError.connectionFailed(server: server, reason: "read failed: \(Self.errorText())")
            }
            if let count { return count }
        }
    }

    /// Sets the socket's read and write timeouts to what is left before the deadline; throws
    /// ``NotifyError/timedOut(server:seconds:)`` once it has passed.
    private func armTimeouts() throws {
        let left = deadline - ContinuousClock.now
        guard left > .zero else { throw NotifyError.timedOut(server: server, seconds: Double(timeout.nanoseconds) / 1e9) }
        let (seconds, attoseconds) = left.components
        var value = timeval(tv_sec: Int(seconds), tv_usec: Int(max(1, attoseconds / 1_000_000_000_000)))
        let size = socklen_t(MemoryLayout<timeval>.size)
        _ = setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &value, size)
        _ = setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &value, size)
    }

    private static func connect(host: String, port: Int, deadline: ContinuousClock.Instant, server: String) throws -> Int32 {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &list)
        guard status == 0, let first = list else {
            throw NotifyError.connectionFailed(server: server, reason: "cannot resolve \(host): \(String(cString: gai_strerror(status)))")
        }
        defer { freeaddrinfo(list) }
        var reasons: [String] = []
        var next: UnsafeMutablePointer<addrinfo>? = first
        // At most 16 addresses: a resolver's answer is not trusted to end.
        while let address = next, reasons.count < 16 {
            next = address.pointee.ai_next
            let descriptor = socket(address.pointee.ai_family, address.pointee.ai_socktype, address.pointee.ai_protocol)
            guard descriptor >= 0 else {
                reasons.append(errorText())
                continue
            }
            if let reason = connect(descriptor, to: address.pointee, deadline: deadline) {
                reasons.append(reason)
                _ = close(descriptor)
                continue
            }
            return descriptor
        }
        throw NotifyError.connectionFailed(server: server, reason: reasons.last ?? "no address")
    }

    /// Connects without blocking past the deadline; nil on success, else why not.
    private static func connect(_ descriptor: Int32, to address: addrinfo, deadline: ContinuousClock.Instant) -> String? {
        let flags = fcntl(descriptor, F_GETFL, 0)
        _ = fcntl(descriptor, F_SETFL, flags | O_NONBLOCK)
        defer { _ = fcntl(descriptor, F_SETFL, flags) }
        if Glibc.connect(descriptor, address.ai_addr, address.ai_addrlen) == 0 { return nil }
        guard errno == EINPROGRESS else { return errorText() }
        while true {
            let left = deadline - ContinuousClock.now
            guard left > .zero else { return "no connection within the time allowed" }
            var poller = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
            let milliseconds = Int32(clamping: max(1, left.nanoseconds / 1_000_000))
            let ready = poll(&poller, 1, milliseconds)
            if ready < 0, errno == EINTR { continue }
            guard ready > 0 else { continue }
            var error: Int32 = 0
            var size = socklen_t(MemoryLayout<Int32>.size)
            _ = getsockopt(descriptor, SOL_SOCKET, SO_ERROR, &error, &size)
            return error == 0 ? nil : String(cString: strerror(error))
        }
    }

    static func isIPAddress(_ host: String) -> Bool {
        var v4 = in_addr()
        var v6 = in6_addr()
        return inet_pton(AF_INET, host, &v4) == 1 || inet_pton(AF_INET6, host, &v6) == 1
    }

    private static func errorText() -> String {
        String(cString: strerror(errno))
    }
}

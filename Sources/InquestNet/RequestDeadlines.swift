import FlyingFox
import FlyingSocks
import Foundation
import Synchronization

/// When each connection's current request must have arrived, by peer address.
///
/// A connection's clock starts the first time the server waits for it to send (a new
/// connection, or a kept-alive one after its last answer) and stops when the request has been
/// answered. A client that sends its headers and body a byte at a time (slowloris) or sits idle
/// is cut off once the clock passes the request timeout, however often it sends.
final class RequestDeadlines: Sendable {
    /// How long a request may take to arrive, headers and body.
    let timeout: Duration
    private let started = Mutex<[String: ContinuousClock.Instant]>([:])

    init(timeout: Duration) {
        self.timeout = timeout
    }

    /// The time `peer` has left to finish sending its request; starts its clock if stopped.
    func remaining(for peer: String, now: ContinuousClock.Instant = .now) -> Duration {
        started.withLock { clocks in
            if let start = clocks[peer] { return start + timeout - now }
            // Forget connections that went away without an answer (a bounded map).
            if clocks.count > 4_096 { clocks = clocks.filter { now - $0.value < timeout * 2 } }
            clocks[peer] = now
            return timeout
        }
    }

    /// Stops `peer`'s clock: its request was answered (or it was cut off).
    func stop(for peer: String) {
        _ = started.withLock { $0.removeValue(forKey: peer) }
    }

    /// The key of a connection, from its socket's remote address.
    static func key(_ address: Socket.Address) -> String {
        key(HTTPRequest.Address.make(from: address))
    }

    /// The key of a connection, from a request's remote address.
    static func key(_ address: HTTPRequest.Address) -> String {
        switch address {
        case let .ip4(ip, port): "\(ip):\(port)"
        case let .ip6(ip, port): "[\(ip)]:\(port)"
        case let .unix(path): path
        }
    }
}

/// A socket pool whose waits to read give up at the connection's request deadline
/// (``RequestDeadlines``): FlyingFox times only the handler, not the wait for headers.
struct DeadlineSocketPool<Base: AsyncSocketPool>: AsyncSocketPool {
    let base: Base
    let deadlines: RequestDeadlines

    func prepare() async throws {
        try await base.prepare()
    }

    func run() async throws {
        try await base.run()
    }

    func suspendSocket(_ socket: Socket, untilReadyFor events: Socket.Events) async throws {
        // The listening socket has no peer: it waits for connections without a deadline.
        guard events.contains(.read), let peer = try? socket.remotePeer() else {
            return try await base.suspendSocket(socket, untilReadyFor: events)
        }
        let key = RequestDeadlines.key(peer)
        let remaining = deadlines.remaining(for: key)
        let timedOut = SocketError.timeout(message: "no complete request from \(key) within \(deadlines.timeout)")
        guard remaining > .zero else {
            deadlines.stop(for: key)
            throw timedOut
        }
        let base = self.base
        let deadlines = self.deadlines
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await base.suspendSocket(socket, untilReadyFor: events) }
            group.addTask {
                try await Task.sleep(for: remaining)
                deadlines.stop(for: key)
                throw timedOut
            }
            defer { group.cancelAll() }
            _ = try await group.next()
        }
    }
}

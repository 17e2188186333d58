import FlyingFox
import FlyingSocks
import Foundation

/// FlyingFox's socket pool with `TCP_NODELAY` set on every socket it waits on.
///
/// FlyingFox writes a response's headers and body with two `send`s; with Nagle's algorithm on,
/// the second waits for the client's delayed ACK, so every request on a kept-alive connection
/// took ~44 ms (measured: 20 requests/s from one client). With no delay it is the handler's time.
struct NoDelaySocketPool<Base: AsyncSocketPool>: AsyncSocketPool {
    let base: Base
    private static var noDelay: BoolSocketOption { BoolSocketOption(level: Int32(IPPROTO_TCP), name: Int32(TCP_NODELAY)) }

    func prepare() async throws {
        try await base.prepare()
    }

    func run() async throws {
        try await base.run()
    }

    func suspendSocket(_ socket: Socket, untilReadyFor events: Socket.Events) async throws {
        // Harmless on the listening socket; a failure only costs latency, so it is ignored.
        try? socket.setValue(true, for: Self.noDelay)
        try await base.suspendSocket(socket, untilReadyFor: events)
    }
}

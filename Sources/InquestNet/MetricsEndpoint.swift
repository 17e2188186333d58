import Foundation

/// Serves text in the Prometheus exposition format at `GET /metrics` on loopback: the watcher's
/// own metrics endpoint, and the fake exporters of the tests.
public enum MetricsEndpoint {
    /// Starts a server whose `/metrics` answers `text()` (called per request); any other path
    /// answers 404. Returns the running server (its ``LoopbackHTTPServer/port`` is the bound port).
    public static func serve(port: UInt16, host: String = "127.0.0.1", text: @escaping @Sendable () -> String) async throws -> LoopbackHTTPServer {
        let server = LoopbackHTTPServer(port: port, host: host) { request in
            guard request.path == "/metrics" else { return .notFound(request.path) }
            guard request.method == "GET" || request.method == "HEAD" else {
                return .text("use GET\n", status: 405)
            }
            return .text(text(), contentType: "text/plain; version=0.0.4; charset=utf-8")
        }
        try await server.start()
        return server
    }
}

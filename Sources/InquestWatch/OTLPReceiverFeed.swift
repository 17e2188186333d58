import InquestNet

/// An OTLP/HTTP JSON receiver (`POST /v1/traces`) on a loopback port: each request's spans are
/// stored compactly with their events, committed through the feed's lease-checked context. The
/// server runs while the feed holds its lease; cancelling the feed stops it.
public struct OTLPReceiverFeed: Feed {
    public let name: String
    public var kind: FeedKind { .otlp }
    public let host: String
    public let port: Int
    /// The file holding the bearer token every request must carry (see ``BearerTokenFile``),
    /// or nil to accept any local request.
    public let tokenFile: String?

    public init(name: String, host: String = "127.0.0.1", port: Int = 4318, tokenFile: String? = nil) {
        self.name = name
        self.host = host
        self.port = port
        self.tokenFile = tokenFile
    }

    public func run(_ context: FeedContext) async throws {
        let receiver = OTLPReceiver(store: context.store, sourceName: name, commit: { try context.commit($0) })
        let tokens = tokenFile.map(BearerTokenFile.init(path:))
        // A refused token file stops the feed before it listens (it restarts with backoff).
        _ = try tokens?.token()
        let server = LoopbackHTTPServer(port: UInt16(clamping: port), host: host) { request in
            if let tokens, !tokens.permits(authorization: request.header("authorization")) {
                var refused = HTTPResponseMessage.text(
                    "missing or wrong bearer token; send Authorization: Bearer <token>\n", status: 401)
                refused.headers["WWW-Authenticate"] = "Bearer"
                return refused
            }
            return await receiver.handle(request)
        }
        try await server.start()
        context.logger.info("OTLP receiver listening", metadata: ["address": "\(host):\(port)"])
        do {
            while true {
                context.markHealthy()
                try await context.sleep(for: .seconds(1))
            }
        } catch {
            await server.stop()
            throw error
        }
    }
}

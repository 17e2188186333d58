import Foundation
import InquestWatch

/// The watcher's `otlp` feed: runs an ``OTLPReceiver`` on `host:port` for as long as the feed
/// runs, committing every accepted request through the feed context (so the lease guards it).
/// Cancelling the feed stops the server. The feed reports itself healthy every second while listening.
public struct OTLPReceiverFeed: Feed {
    public let name: String
    public var kind: FeedKind { .otlp }
    /// The address listened on (loopback unless configured otherwise).
    public let host: String
    /// The port (4318 is OTLP/HTTP's; 0 picks a free one).
    public let port: UInt16

    /// Creates the feed.
    public init(name: String, host: String = "127.0.0.1", port: UInt16 = 4318) {
        self.name = name
        self.host = host
        self.port = port
    }

    public func run(_ context: FeedContext) async throws {
        let receiver = OTLPReceiver(store: context.store, sourceName: name) { try context.commit($0) }
        let server = LoopbackHTTPServer(port: port, host: host, handler: receiver.handle)
        let bound = try await server.start()
        context.logger.info("receiving OTLP/HTTP JSON", metadata: ["address": "\(host):\(bound)"])
        do {
            while true {
                try Task.checkCancellation()
                context.markHealthy()
                try await context.sleep(for: .seconds(1))
            }
        } catch {
            await server.stop()
            throw error
        }
    }
}

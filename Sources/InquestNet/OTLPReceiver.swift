import Foundation
import InquestCore
import InquestParsers
import InquestStore
import Synchronization

/// The OTLP/HTTP JSON receiver: `POST /v1/traces` and `POST /v1/logs` with
/// `Content-Type: application/json` (log records become `log` events via ``OTLPLogParser``).
///
/// A body is parsed with ``OTLPTraceParser``; its spans are stored compactly and its error and
/// slow spans become events (``SpanEventizer``, whose latency baselines persist across requests),
/// all in one transaction. Posting the same spans again stores nothing new (spans are keyed by
/// trace/span id; events by the span's own bytes). The answer is `200 {}`; a malformed body gets
/// `400` with an OTLP `Status` JSON (`{"code":3,"message":…}`) naming the offending field, and the
/// body is kept as a dead letter with that reason. Other paths answer 404, other methods 405,
/// other media types (protobuf) 415, `/v1/metrics` 404.
public final class OTLPReceiver: Sendable {
    /// The largest body accepted (bigger ones answer 413).
    public static let maximumBodyBytes = 64 << 20

    private let store: InquestStore
    private let commit: BatchCommitter
    /// The source name of stored events and dead letters.
    public let sourceName: String
    private let eventizer = Mutex(SpanEventizer())
    private let received = Mutex(Counts())

    /// Requests answered, by outcome.
    public struct Counts: Sendable, Hashable {
        /// Bodies stored.
        public var accepted = 0
        /// Bodies refused as malformed (dead-lettered).
        public var rejected = 0
        /// Spans newly stored.
        public var spansStored = 0
        /// Events newly stored.
        public var eventsStored = 0
    }

    /// Creates a receiver writing through `commit` (default: `store.append`).
    public init(store: InquestStore, sourceName: String = "otlp", commit: BatchCommitter? = nil) {
        self.store = store
        self.sourceName = sourceName
        self.commit = commit ?? { try store.append($0) }
    }

    /// What the receiver has done so far.
    public var counts: Counts { received.withLock { $0 } }

    /// Answers one request (the ``LoopbackHTTPHandler`` of the server).
    public func handle(_ request: HTTPRequestMessage) async -> HTTPResponseMessage {
        handleNow(request)
    }

    func handleNow(_ request: HTTPRequestMessage) -> HTTPResponseMessage {
        switch request.path {
        case "/v1/traces", "/v1/logs":
            break
        case "/v1/metrics":
            return Self.status(404, "/v1/metrics is not received here yet; POST traces to /v1/traces and logs to /v1/logs (OTLP/HTTP JSON)")
        default:
            return Self.status(404, "no OTLP endpoint at \(request.path); POST traces to /v1/traces and logs to /v1/logs")
        }
        guard request.method == "POST" else {
            return Self.status(405, "\(request.method) \(request.path): use POST")
        }
        guard request.mediaType == "application/json" else {
            return Self.status(415, "Content-Type \(request.header("content-type") ?? "(none)") is not accepted; send OTLP/HTTP JSON with Content-Type: application/json")
        }
        guard request.body.count <= Self.maximumBodyBytes else {
            return Self.status(413, "body of \(request.body.count) bytes is over the limit of \(Self.maximumBodyBytes)")
        }
        let receivedAt = Timestamp.now()
        if request.path == "/v1/logs" { return receiveLogs(request, at: receivedAt) }
        let spans: [TraceSpan]
        do {
            spans = try OTLPTraceParser.parse(request.body)
        } catch {
            return reject(request, reason: "\(error)", field: error.path, at: receivedAt)
        }
        do {
            let events = eventizer.withLock { eventizer in
                spans.sorted { ($0.start, $0.traceID, $0.spanID) < ($1.start, $1.traceID, $1.spanID) }.compactMap {
                    eventizer.consume($0, offset: 0, sourceName: sourceName, sourceIdentity: "otlp-receiver")
                }
            }
            let appended = try commit(EventBatch(events: events, spans: spans))
            received.withLock {
                $0.accepted += 1
                $0.spansStored += appended.spansInserted
                $0.eventsStored += appended.inserted
            }
            return .json("{}")
        } catch {
            return Self.status(503, "could not store the spans: \(error); retry later")
        }
    }

    /// `POST /v1/logs`: every log record becomes a `log` event (with its trace and span ids).
    private func receiveLogs(_ request: HTTPRequestMessage, at time: Timestamp) -> HTTPResponseMessage {
        let events: [Event]
        do {
            events = try OTLPLogParser.parse(request.body, sourceName: sourceName, sourceIdentity: "otlp-receiver-logs")
        } catch {
            return reject(request, reason: "\(error)", field: error.path, at: time)
        }
        do {
            let appended = try commit(EventBatch(events: events))
            received.withLock {
                $0.accepted += 1
                $0.eventsStored += appended.inserted
            }
            return .json("{}")
        } catch {
            return Self.status(503, "could not store the log records: \(error); retry later")
        }
    }

    private func reject(_ request: HTTPRequestMessage, reason: String, field: String?, at time: Timestamp) -> HTTPResponseMessage {
        let location = "\(request.path)@\(time.iso8601)#\(time.nanoseconds)"
        let letter = DeadLetter(source: sourceName + request.path, location: location, reason: reason, raw: Array(request.body))
        var message = "malformed OTLP/JSON: " + reason
        if let field { message += " (field \(field))" }
        do {
            _ = try commit(EventBatch(deadLetters: [letter]))
        } catch {
            message += "; it could not be dead-lettered either: \(error)"
        }
        received.withLock { $0.rejected += 1 }
        return Self.status(400, message)
    }

    /// An OTLP `Status` answer: `{"code": <gRPC code>, "message": "..."}`.
    static func status(_ http: Int, _ message: String) -> HTTPResponseMessage {
        let code: Int
        switch http {
        case 400: code = 3 // INVALID_ARGUMENT
        case 404: code = 5 // NOT_FOUND
        case 405, 415: code = 12 // UNIMPLEMENTED
        case 413: code = 8 // RESOURCE_EXHAUSTED
        default: code = 14 // UNAVAILABLE
        }
        let body = (try? JSONSerialization.data(withJSONObject: ["code": code, "message": message], options: [.sortedKeys, .withoutEscapingSlashes]))
            .map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        return .json(body, status: http)
    }
}

import FlyingFox
import FlyingSocks
import Foundation
import Synchronization

/// A small HTTP/1.1 server bound to the loopback interface (127.0.0.1 by default), over
/// FlyingFox (no SwiftNIO). Every request goes to one handler closure; the server knows
/// nothing about the connectors that use it.
///
/// ```swift
/// let server = LoopbackHTTPServer(port: 0) { request in .text("ok\n") }
/// let port = try await server.start()   // the ephemeral port chosen by the kernel
/// ...
/// await server.stop()
/// ```
public actor LoopbackHTTPServer {
    /// The port asked for; 0 lets the kernel pick a free one.
    public let requestedPort: UInt16
    /// The IPv4 address listened on (`127.0.0.1` unless the caller asked otherwise).
    public let host: String
    private let handler: LoopbackHTTPHandler
    private let requestTimeout: TimeInterval
    /// The largest request body read; a longer one is answered 413 as soon as it passes this.
    public let maximumBodyBytes: Int
    private var server: HTTPServer?
    private var runTask: Task<Void, any Error>?
    /// The port actually listened on once started.
    public private(set) var port: UInt16?

    /// Creates a stopped server.
    /// - Parameters:
    ///   - port: the TCP port, 0 for an ephemeral one.
    ///   - host: the IPv4 address to bind; keep the default so nothing outside this machine can connect.
    ///   - requestTimeout: seconds a connection may take to send a request, headers and body
    ///     (counted from when the server starts waiting for it); a slower one is disconnected.
    ///   - maximumBodyBytes: the largest body read (default 64 MiB); reading stops there and
    ///     the answer is 413, so memory stays bounded whatever a client sends.
    ///   - handler: answers every request.
    public init(
        port: UInt16, host: String = "127.0.0.1", requestTimeout: TimeInterval = 15, maximumBodyBytes: Int = 64 << 20,
        handler: @escaping LoopbackHTTPHandler
    ) {
        self.requestedPort = port
        self.host = host
        self.requestTimeout = requestTimeout
        self.maximumBodyBytes = maximumBodyBytes
        self.handler = handler
    }

    /// Binds, starts listening and returns the port (the chosen one when `port` was 0).
    /// Throws ``NetError/serverStartFailed(port:reason:)`` when the address cannot be bound.
    @discardableResult
    public func start() async throws -> UInt16 {
        if let port { return port }
        let address: sockaddr_in
        do {
            address = try .inet(ip4: host, port: requestedPort)
        } catch {
            throw NetError.serverStartFailed(port: requestedPort, reason: "\(host) is not an IPv4 address")
        }
        let handler = self.handler
        let limit = maximumBodyBytes
        let deadlines = RequestDeadlines(timeout: .milliseconds(Int64(requestTimeout * 1000)))
        let pool = DeadlineSocketPool(base: NoDelaySocketPool(base: HTTPServer.defaultPool()), deadlines: deadlines)
        let server = HTTPServer(
            address: address, timeout: requestTimeout, pool: pool, logger: .disabled,
            handler: ClosureHTTPHandler { request in
                // Answered: the connection's next request gets a fresh clock.
                defer { if let peer = request.remoteAddress { deadlines.stop(for: RequestDeadlines.key(peer)) } }
                return try await Self.respond(to: request, maximumBodyBytes: limit, with: handler)
            })
        let failure = RunFailure()
        let task = Task(executorPreference: DispatchTaskExecutor(label: "inquest.http.\(requestedPort)")) {
            do {
                try await server.run()
            } catch {
                failure.error.withLock { $0 = error }
                throw error
            }
        }
        do {
            try await Self.waitUntilListening(server, failure: failure)
        } catch {
            task.cancel()
            throw NetError.serverStartFailed(port: requestedPort, reason: Self.describe(error))
        }
        guard case .ip4(_, let boundPort)? = await server.listeningAddress else {
            task.cancel()
            throw NetError.serverStartFailed(port: requestedPort, reason: "the socket reports no IPv4 address")
        }
        self.server = server
        self.runTask = task
        self.port = boundPort
        return boundPort
    }

    /// Stops listening and closes open connections (idle keep-alive ones after half a second).
    public func stop() async {
        guard let server else { return }
        await server.stop(timeout: 0.5)
        runTask?.cancel()
        self.server = nil
        self.runTask = nil
        self.port = nil
    }

    /// `http://127.0.0.1:PORT` once started.
    public var baseURL: URL? {
        port.flatMap { URL(string: "http://\(host):\($0)") }
    }

    /// Waits for the listening socket, or for `run()` to fail (a bind error), whichever comes first.
    private static func waitUntilListening(_ server: HTTPServer, failure: RunFailure) async throws {
        // Generous: a bind error ends the wait at once. The server runs on its own queue
        // (``DispatchTaskExecutor``), but this waiting task may itself wait long for a pool thread
        // on a loaded machine, so the socket is checked once more after the deadline.
        let deadline = Date().addingTimeInterval(60)
        while true {
            if await server.isListening { return }
            // A failed bind ends the run task at once; surface its error instead of waiting.
            if let error = failure.error.withLock({ $0 }) { throw error }
            if Date() > deadline { break }
            try await Task.sleep(nanoseconds: 2_000_000)
        }
        throw NetError.serverStartFailed(port: 0, reason: "not listening after 60 s")
    }

    private static func respond(
        to request: HTTPRequest, maximumBodyBytes: Int, with handler: LoopbackHTTPHandler
    ) async throws -> HTTPResponse {
        var headers: [String: String] = [:]
        for name in request.headers.keys {
            headers[name.rawValue.lowercased()] = request.headers.values(for: name).joined(separator: ", ")
        }
        let response: HTTPResponseMessage
        if let body = try await readBody(of: request, limit: maximumBodyBytes) {
            let message = HTTPRequestMessage(
                method: request.method.rawValue, path: request.path,
                query: request.query.map { (name: $0.name, value: $0.value) }, headers: headers, body: body)
            response = await handler(message)
        } else {
            response = .text("request body over the limit of \(maximumBodyBytes) bytes; send smaller batches\n", status: 413)
        }
        return httpResponse(response)
    }

    /// The request's body, read chunk by chunk; nil as soon as it passes `limit` bytes (the
    /// declared length is checked first), so an oversized body is never held.
    static func readBody(of request: HTTPRequest, limit: Int) async throws -> Data? {
        if let declared = request.bodySequence.count, declared > limit { return nil }
        var body = Data()
        for try await chunk in request.bodySequence {
            guard body.count + chunk.count <= limit else { return nil }
            body.append(chunk)
        }
        return body
    }

    private static func httpResponse(_ response: HTTPResponseMessage) -> HTTPResponse {
        var responseHeaders = HTTPHeaders()
        for (name, value) in response.headers {
            responseHeaders[HTTPHeader(name)] = value
        }
        return HTTPResponse(
            statusCode: HTTPStatusCode(response.status, phrase: Self.phrase(response.status)),
            headers: responseHeaders, body: response.body)
    }

    static func phrase(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 204: "No Content"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 413: "Payload Too Large"
        case 415: "Unsupported Media Type"
        case 500: "Internal Server Error"
        case 503: "Service Unavailable"
        default: "Status \(status)"
        }
    }

    static func describe(_ error: any Error) -> String {
        if let error = error as? NetError { return error.description }
        return "\(error)"
    }
}

/// The error `HTTPServer.run()` ended with, if it ended (shared between its task and `start()`).
private final class RunFailure: Sendable {
    let error = Mutex<(any Error)?>(nil)
}

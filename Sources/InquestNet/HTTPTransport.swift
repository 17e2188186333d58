import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Sends one HTTP request and returns the whole response: the injected transport of the
/// pull connectors (scrape, query_range), so their tests can answer without a network.
public protocol HTTPTransport: Sendable {
    /// Sends `method url` with `body`; throws ``NetError/requestFailed(url:reason:)`` when no
    /// response arrived within `timeout` seconds (refused, reset, timed out). A response of any
    /// status is returned, not thrown.
    func send(method: String, url: URL, headers: [String: String], body: Data, timeout: TimeInterval) async throws -> HTTPResponseMessage
}

extension HTTPTransport {
    /// `GET url`.
    public func get(_ url: URL, headers: [String: String] = [:], timeout: TimeInterval = 10) async throws -> HTTPResponseMessage {
        try await send(method: "GET", url: url, headers: headers, body: Data(), timeout: timeout)
    }

    /// `POST url` with a body.
    public func post(_ url: URL, body: Data, headers: [String: String] = [:], timeout: TimeInterval = 10) async throws -> HTTPResponseMessage {
        try await send(method: "POST", url: url, headers: headers, body: body, timeout: timeout)
    }
}

/// ``HTTPTransport`` over Foundation's `URLSession` (libcurl on Linux), no caching, no cookies.
public final class URLSessionTransport: HTTPTransport {
    private let session: URLSession

    /// Creates a transport with its own ephemeral session.
    public init() {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.httpShouldSetCookies = false
        session = URLSession(configuration: configuration)
    }

    deinit {
        session.finishTasksAndInvalidate()
    }

    public func send(method: String, url: URL, headers: [String: String], body: Data, timeout: TimeInterval) async throws -> HTTPResponseMessage {
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
        request.httpMethod = method
        for (name, value) in headers {
            request.setValue(value, forHTTPHeaderField: name)
        }
        if !body.isEmpty { request.httpBody = body }
        let session = self.session
        return try await withCheckedThrowingContinuation { continuation in
            let task = session.dataTask(with: request) { data, response, error in
                if let error {
                    continuation.resume(throwing: NetError.requestFailed(url: url.absoluteString, reason: error.localizedDescription))
                    return
                }
                guard let http = response as? HTTPURLResponse else {
                    continuation.resume(throwing: NetError.requestFailed(url: url.absoluteString, reason: "the answer was not HTTP"))
                    return
                }
                var fields: [String: String] = [:]
                for (key, value) in http.allHeaderFields {
                    fields[String(describing: key).lowercased()] = String(describing: value)
                }
                continuation.resume(returning: HTTPResponseMessage(status: http.statusCode, headers: fields, body: data ?? Data()))
            }
            task.resume()
        }
    }
}

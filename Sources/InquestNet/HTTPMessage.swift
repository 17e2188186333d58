import Foundation

/// One HTTP request as the connectors see it, independent of the server library.
public struct HTTPRequestMessage: Sendable, Hashable {
    /// The method in upper case (`GET`, `POST`).
    public var method: String
    /// The path without the query (`/v1/traces`).
    public var path: String
    /// Query items in order; a name may repeat.
    public var query: [(name: String, value: String)] {
        get { queryItems.map { ($0.name, $0.value) } }
        set { queryItems = newValue.map { QueryItem(name: $0.name, value: $0.value) } }
    }
    /// Header values by lower-cased name (repeated headers joined with `, `).
    public var headers: [String: String]
    /// The request body (empty when none).
    public var body: Data

    private var queryItems: [QueryItem]

    private struct QueryItem: Sendable, Hashable {
        var name: String
        var value: String
    }

    /// Creates a request.
    public init(method: String, path: String, query: [(name: String, value: String)] = [], headers: [String: String] = [:], body: Data = Data()) {
        self.method = method.uppercased()
        self.path = path
        self.queryItems = query.map { QueryItem(name: $0.name, value: $0.value) }
        self.headers = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { $0 + ", " + $1 })
        self.body = body
    }

    /// The first value of the query item `name`, if any.
    public func queryValue(_ name: String) -> String? {
        queryItems.first { $0.name == name }?.value
    }

    /// The value of header `name` (any case), if any.
    public func header(_ name: String) -> String? {
        headers[name.lowercased()]
    }

    /// The media type of `Content-Type` without parameters, lower-cased (`application/json`).
    public var mediaType: String? {
        header("content-type").map {
            String($0.split(separator: ";", maxSplits: 1).first ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        }
    }
}

/// One HTTP response written by a ``LoopbackHTTPServer`` handler.
public struct HTTPResponseMessage: Sendable, Hashable {
    /// The status code (200, 400, 404...).
    public var status: Int
    /// Header values by name.
    public var headers: [String: String]
    /// The response body.
    public var body: Data

    /// Creates a response.
    public init(status: Int, headers: [String: String] = [:], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A response with a UTF-8 text body and the given content type.
    public static func text(_ text: String, status: Int = 200, contentType: String = "text/plain; charset=utf-8") -> HTTPResponseMessage {
        HTTPResponseMessage(status: status, headers: ["Content-Type": contentType], body: Data(text.utf8))
    }

    /// A response with a JSON body (already serialised).
    public static func json(_ body: String, status: Int = 200) -> HTTPResponseMessage {
        text(body, status: status, contentType: "application/json")
    }

    /// 404 with a short text body naming the path.
    public static func notFound(_ path: String) -> HTTPResponseMessage {
        text("no handler for \(path)\n", status: 404)
    }
}

/// Handles one request of a ``LoopbackHTTPServer``; called concurrently for concurrent connections.
public typealias LoopbackHTTPHandler = @Sendable (HTTPRequestMessage) async -> HTTPResponseMessage

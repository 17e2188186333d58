import Foundation
import InquestNet
import Testing

@Suite("Loopback HTTP server and URLSession transport")
struct LoopbackHTTPServerTests {
    @Test("serves a request on an ephemeral loopback port and echoes method, path, query, header and body")
    func echoesRequestOverLoopback() async throws {
        // Given a server that echoes what it received
        let server = LoopbackHTTPServer(port: 0) { request in
            .text("\(request.method) \(request.path) q=\(request.queryValue("q") ?? "-") type=\(request.mediaType ?? "-") body=\(String(decoding: request.body, as: UTF8.self))")
        }
        let port = try await server.start()
        #expect(port != 0)
        // When a client posts to it
        let transport = URLSessionTransport()
        let url = try #require(URL(string: "http://127.0.0.1:\(port)/v1/things?q=a%20b"))
        let response = try await transport.post(url, body: Data("hello".utf8), headers: ["Content-Type": "application/json; charset=utf-8"], timeout: NetTestSupport.timeout)
        await server.stop()
        // Then the handler saw every part of the request
        #expect(response.status == 200)
        #expect(String(decoding: response.body, as: UTF8.self) == "POST /v1/things q=a b type=application/json body=hello")
    }

    @Test("a second server on a port in use fails with a message naming the port")
    func portInUseFailsClearly() async throws {
        let first = LoopbackHTTPServer(port: 0) { _ in .text("one") }
        let port = try await first.start()
        let second = LoopbackHTTPServer(port: port) { _ in .text("two") }
        await #expect(throws: NetError.self) { try await second.start() }
        await first.stop()
    }

    @Test("the handler's status and headers reach the client")
    func statusAndHeadersArrive() async throws {
        let server = LoopbackHTTPServer(port: 0) { request in
            HTTPResponseMessage(status: 404, headers: ["X-Why": "missing"], body: Data("no \(request.path)".utf8))
        }
        let port = try await server.start()
        let url = try #require(URL(string: "http://127.0.0.1:\(port)/nothing"))
        let response = try await URLSessionTransport().get(url, timeout: NetTestSupport.timeout)
        await server.stop()
        #expect(response.status == 404)
        #expect(response.headers["x-why"] == "missing")
        #expect(String(decoding: response.body, as: UTF8.self) == "no /nothing")
    }

    @Test("a request to a stopped server fails with requestFailed, not a hang")
    func stoppedServerRefuses() async throws {
        let server = LoopbackHTTPServer(port: 0) { _ in .text("x") }
        let port = try await server.start()
        await server.stop()
        let url = try #require(URL(string: "http://127.0.0.1:\(port)/"))
        await #expect(throws: NetError.self) { try await URLSessionTransport().get(url, timeout: 2) }
    }
}

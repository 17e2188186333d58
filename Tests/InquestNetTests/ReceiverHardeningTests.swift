import Foundation
import Testing
@testable import InquestNet

@Suite("The HTTP server bounds what a client can make it hold or wait for", .serialized)
struct ReceiverHardeningTests {
    /// A connected TCP socket to 127.0.0.1:`port`, with a receive timeout.
    static func connect(_ port: UInt16, receiveTimeout seconds: Int = 30) throws -> Int32 {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw POSIXError(.EIO) }
        var timeout = timeval(tv_sec: seconds, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Foundation.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { close(descriptor); throw POSIXError(.ECONNREFUSED) }
        return descriptor
    }

    static func send(_ descriptor: Int32, _ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBytes { Foundation.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) } == bytes.count
    }

    /// Reads until the peer closes, the timeout passes or `limit` bytes arrived.
    static func receive(_ descriptor: Int32, limit: Int = 65_536) -> String {
        var data = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 4_096)
        while data.count < limit {
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count <= 0 { break }
            data += buffer[0..<count]
            if String(decoding: data, as: UTF8.self).contains("\r\n\r\n") && data.count > 12 { break }
        }
        return String(decoding: data, as: UTF8.self)
    }

    @Test func stopsReadingAChunkedBodyAtTheLimitAndAnswers413() async throws {
        // Given a server that takes bodies up to 64 KiB and counts what reaches its handler
        let reached = ReachedCounter()
        let server = LoopbackHTTPServer(port: 0, maximumBodyBytes: 64 << 10) { _ in
            reached.increment()
            return .text("stored")
        }
        let port = try await server.start()
        defer { Task { await server.stop() } }
        // When a client streams a chunked body far over the limit
        let descriptor = try Self.connect(port)
        defer { close(descriptor) }
        #expect(Self.send(descriptor, "POST /v1/traces HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"))
        let chunk = String(repeating: "a", count: 16 << 10)
        let chunkFrame = String(chunk.utf8.count, radix: 16) + "\r\n" + chunk + "\r\n"
        for _ in 0..<8 { _ = Self.send(descriptor, chunkFrame) }
        // Then it answers 413 without waiting for the end of the body, and the handler never ran
        let answer = Self.receive(descriptor)
        #expect(answer.hasPrefix("HTTP/1.1 413"), "\(answer.prefix(200))")
        #expect(reached.value == 0)
    }

    @Test func refusesADeclaredLengthOverTheLimitWithoutReadingIt() async throws {
        let server = LoopbackHTTPServer(port: 0, maximumBodyBytes: 1_000) { _ in .text("stored") }
        let port = try await server.start()
        defer { Task { await server.stop() } }
        let descriptor = try Self.connect(port)
        defer { close(descriptor) }
        #expect(Self.send(descriptor, "POST /v1/traces HTTP/1.1\r\nHost: x\r\nContent-Length: 600000000\r\n\r\n{"))
        let answer = Self.receive(descriptor)
        #expect(answer.hasPrefix("HTTP/1.1 413"), "\(answer.prefix(200))")
    }

    @Test func disconnectsAClientThatSendsItsHeadersTooSlowly() async throws {
        // Given a server with a 1 s request timeout
        let server = LoopbackHTTPServer(port: 0, requestTimeout: 1) { _ in .text("ok") }
        let port = try await server.start()
        defer { Task { await server.stop() } }
        // When a client sends a header line every 300 ms and never finishes
        let descriptor = try Self.connect(port, receiveTimeout: 1)
        defer { close(descriptor) }
        let start = ContinuousClock.now
        var closedAfter: Duration?
        _ = Self.send(descriptor, "GET / HTTP/1.1\r\n")
        for index in 0..<30 {
            try await Task.sleep(for: .milliseconds(300))
            if !Self.send(descriptor, "X-Slow-\(index): y\r\n") || Self.peerClosed(descriptor) {
                closedAfter = ContinuousClock.now - start
                break
            }
        }
        // Then the server closed the connection soon after the timeout, not after 9 s of trickle
        let closed = try #require(closedAfter, "the connection stayed open through 9 s of trickled headers")
        #expect(closed < .seconds(5))
    }

    @Test func aPromptClientOnAKeptAliveConnectionIsServed() async throws {
        let server = LoopbackHTTPServer(port: 0, requestTimeout: 2) { request in .text("got \(request.path)") }
        let port = try await server.start()
        defer { Task { await server.stop() } }
        let url = try #require(URL(string: "http://127.0.0.1:\(port)/a"))
        let transport = URLSessionTransport()
        for _ in 0..<3 {
            let response = try await transport.get(url, timeout: NetTestSupport.timeout)
            #expect(response.status == 200)
            try await Task.sleep(for: .milliseconds(500))
        }
    }

    /// Whether the peer has closed (a non-blocking peek reads end of stream or an error).
    static func peerClosed(_ descriptor: Int32) -> Bool {
        var byte: UInt8 = 0
        let count = recv(descriptor, &byte, 1, Int32(MSG_PEEK | MSG_DONTWAIT))
        return count == 0 || (count < 0 && errno != EAGAIN && errno != EWOULDBLOCK)
    }
}

final class ReachedCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    var value: Int { lock.withLock { count } }
    func increment() { lock.withLock { count += 1 } }
}

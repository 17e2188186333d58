import Foundation
import InquestCore
import NIOCore
import NIOPosix
import NIOSSL

/// Sends one message through an SMTP server (RFC 5321): EHLO, STARTTLS when offered (or
/// required), EHLO again over TLS, AUTH PLAIN or LOGIN when credentials are given, MAIL, RCPT,
/// DATA with dot-stuffing, QUIT. One connection per message; the whole conversation is bounded by
/// a deadline, after which the connection is closed.
struct SMTPClient {
    var settings: SMTPSettings
    /// The name this client gives in EHLO.
    var clientName: String
    var group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton

    private var serverName: String { "SMTP server \(settings.host):\(settings.port)" }

    /// Sends `message` to `recipient`; throws ``NotifyError`` on any failure.
    func send(_ message: EmailMessage, recipient: String, password: String?, timeout: Duration) async throws {
        let (stream, continuation) = AsyncThrowingStream<String, any Error>.makeStream()
        let channel: any Channel
        do {
            channel = try await ClientBootstrap(group: group)
                .connectTimeout(.nanoseconds(max(1, timeout.nanoseconds)))
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandler(SMTPLineReader(continuation: continuation))
                    }
                }
                .connect(host: settings.host, port: settings.port).get()
        } catch {
            continuation.finish()
            throw NotifyError.connectionFailed(server: serverName, reason: "\(error)")
        }
        let deadline = channel.eventLoop.scheduleTask(in: .nanoseconds(max(1, timeout.nanoseconds))) { channel.close(promise: nil) }
        defer {
            deadline.cancel()
            channel.close(promise: nil)
        }
        var conversation = Conversation(channel: channel, lines: stream.makeAsyncIterator(), server: serverName, timeout: timeout)
        do {
            try await run(&conversation, message: message, recipient: recipient, password: password)
        } catch let error as NotifyError {
            throw error
        } catch let error as NIOSSLError {
            throw NotifyError.tls(server: serverName, reason: "\(error)")
        } catch let error as NIOSSLExtraError {
            throw NotifyError.tls(server: serverName, reason: "\(error)")
        } catch let error as BoringSSLError {
            throw NotifyError.tls(server: serverName, reason: "\(error)")
        } catch {
            throw NotifyError.connectionFailed(server: serverName, reason: "\(error)")
        }
    }

    private func run(_ conversation: inout Conversation, message: EmailMessage, recipient: String, password: String?) async throws {
        try await conversation.expect(220, after: "the greeting")
        var extensions = try await conversation.command("EHLO \(clientName)", expecting: 250).extensions
        var secure = false
        if settings.startTLS != .off, extensions["STARTTLS"] != nil {
            try await conversation.command("STARTTLS", expecting: 220)
            try await upgradeToTLS(conversation.channel)
            secure = true
            extensions = try await conversation.command("EHLO \(clientName)", expecting: 250).extensions
        } else if settings.startTLS == .required {
            throw NotifyError.smtpUnsupported(server: serverName, what: "STARTTLS (the subscription requires it)")
        }
        if let username = settings.username {
            guard secure || Self.isLoopback(settings.host) else {
                throw NotifyError.smtpUnsupported(server: serverName, what: "TLS, so the password is not sent in the clear")
            }
            try await authenticate(&conversation, username: username, password: password ?? "", offered: extensions["AUTH"] ?? [])
        }
        let (bytes, eightBit) = message.rendered(serverTakes8Bit: extensions["8BITMIME"] != nil)
        try await conversation.command("MAIL FROM:<\(settings.from)>\(eightBit ? " BODY=8BITMIME" : "")", expecting: 250)
        let rcpt = try await conversation.command("RCPT TO:<\(recipient)>", expecting: nil)
        guard rcpt.code == 250 || rcpt.code == 251 else {
            throw NotifyError.smtpReply(server: serverName, command: "RCPT TO", code: rcpt.code, text: rcpt.text)
        }
        try await conversation.command("DATA", expecting: 354)
        try await conversation.write(EmailMessage.dotStuffed(bytes))
        try await conversation.expect(250, after: "the message")
        _ = try? await conversation.command("QUIT", expecting: nil)
    }

    private func authenticate(_ conversation: inout Conversation, username: String, password: String, offered: [String]) async throws {
        if offered.contains("PLAIN") {
            let token = Data(([0] + Array(username.utf8) + [0] + Array(password.utf8))).base64EncodedString()
            try await conversation.command("AUTH PLAIN \(token)", expecting: 235, shown: "AUTH PLAIN")
        } else if offered.contains("LOGIN") {
            try await conversation.command("AUTH LOGIN", expecting: 334)
            try await conversation.command(Data(username.utf8).base64EncodedString(), expecting: 334, shown: "AUTH LOGIN (user)")
            try await conversation.command(Data(password.utf8).base64EncodedString(), expecting: 235, shown: "AUTH LOGIN (password)")
        } else {
            throw NotifyError.smtpUnsupported(server: serverName, what: "AUTH PLAIN or LOGIN (it offers \(offered.joined(separator: " ")))")
        }
    }

    private func upgradeToTLS(_ channel: any Channel) async throws {
        var configuration = TLSConfiguration.makeClientConfiguration()
        if let caFile = settings.caFile {
            configuration.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(caFile))
        }
        let context = try NIOSSLContext(configuration: configuration)
        let host = settings.host
        let sni: String? = Self.isIPAddress(host) ? nil : host
        try await channel.eventLoop.submit {
            let handler = try NIOSSLClientHandler(context: context, serverHostname: sni)
            try channel.pipeline.syncOperations.addHandler(handler, position: .first)
        }.get()
    }

    static func isIPAddress(_ host: String) -> Bool {
        (try? SocketAddress(ipAddress: host, port: 0)) != nil
    }

    static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }
}

/// The reading and writing half of one SMTP connection.
private struct Conversation {
    let channel: any Channel
    var lines: AsyncThrowingStream<String, any Error>.AsyncIterator
    let server: String
    let timeout: Duration

    /// At most this many lines in one reply (a hostile server cannot keep one going forever).
    static let maximumReplyLines = 1000

    mutating func reply() async throws -> SMTPReply {
        var collected: [String] = []
        while collected.count < Self.maximumReplyLines {
            guard let line = try await lines.next() else {
                throw NotifyError.connectionFailed(server: server, reason: "the server closed the connection (or it timed out after \(Double(timeout.nanoseconds) / 1e9) s)")
            }
            guard let parsed = SMTPReply.parseLine(line) else {
                throw NotifyError.smtpProtocol(server: server, reason: "not a reply line: \(String(line.prefix(80)).debugDescription)")
            }
            collected.append(parsed.text)
            if parsed.isLast { return SMTPReply(code: parsed.code, lines: collected) }
        }
        throw NotifyError.smtpProtocol(server: server, reason: "a reply of more than \(Self.maximumReplyLines) lines")
    }

    @discardableResult
    mutating func expect(_ code: Int, after what: String) async throws -> SMTPReply {
        let answer = try await reply()
        guard answer.code == code else { throw NotifyError.smtpReply(server: server, command: what, code: answer.code, text: answer.text) }
        return answer
    }

    /// Sends one command line and reads its reply; with `expecting`, a reply of another code throws.
    /// `shown` replaces the command in errors (never a credential).
    @discardableResult
    mutating func command(_ line: String, expecting code: Int?, shown: String? = nil) async throws -> SMTPReply {
        try await write(Array((line + "\r\n").utf8))
        let answer = try await reply()
        if let code, answer.code != code {
            let name = shown ?? String(line.prefix { $0 != ":" && $0 != "<" })
            throw NotifyError.smtpReply(server: server, command: name, code: answer.code, text: answer.text)
        }
        return answer
    }

    func write(_ bytes: [UInt8]) async throws {
        try await channel.writeAndFlush(channel.allocator.buffer(bytes: bytes))
    }
}

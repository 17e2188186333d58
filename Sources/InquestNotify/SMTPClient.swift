import Dispatch
import Foundation
import InquestCore

/// Sends one message through an SMTP server (RFC 5321): EHLO, STARTTLS when offered (or
/// required), EHLO again over TLS, AUTH PLAIN or LOGIN when credentials are given, MAIL, RCPT,
/// DATA with dot-stuffing, QUIT. One connection per message, on a thread of its own (the
/// conversation blocks); the whole of it is bounded by one deadline.
struct SMTPClient: Sendable {
    var settings: SMTPSettings
    /// The name this client gives in EHLO.
    var clientName: String

    private var serverName: String { "SMTP server \(settings.host):\(settings.port)" }

    /// At most this many lines in one reply (a hostile server cannot keep one going forever).
    static let maximumReplyLines = 1000

    /// Sends `message` to `recipient`; throws ``NotifyError`` on any failure.
    func send(_ message: EmailMessage, recipient: String, password: String?, timeout: Duration) async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            DispatchQueue.global(qos: .utility).async {
                continuation.resume(with: Result { try sendBlocking(message, recipient: recipient, password: password, timeout: timeout) })
            }
        }
    }

    private func sendBlocking(_ message: EmailMessage, recipient: String, password: String?, timeout: Duration) throws {
        let connection = try SMTPConnection(host: settings.host, port: settings.port, timeout: timeout, server: serverName)
        try expect(220, from: connection, after: "the greeting")
        var extensions = try command("EHLO \(clientName)", on: connection, expecting: 250).extensions
        if settings.startTLS != .off, extensions["STARTTLS"] != nil {
            try command("STARTTLS", on: connection, expecting: 220)
            try connection.startTLS(host: settings.host, caFile: settings.caFile)
            extensions = try command("EHLO \(clientName)", on: connection, expecting: 250).extensions
        } else if settings.startTLS == .required {
            throw NotifyError.smtpUnsupported(server: serverName, what: "STARTTLS (the subscription requires it)")
        }
        if let username = settings.username {
            guard connection.isSecure || Self.isLoopback(settings.host) else {
                throw NotifyError.smtpUnsupported(server: serverName, what: "TLS, so the password is not sent in the clear")
            }
            try authenticate(connection, username: username, password: password ?? "", offered: extensions["AUTH"] ?? [])
        }
        let (bytes, eightBit) = message.rendered(serverTakes8Bit: extensions["8BITMIME"] != nil)
        try command("MAIL FROM:<\(settings.from)>\(eightBit ? " BODY=8BITMIME" : "")", on: connection, expecting: 250)
        let rcpt = try command("RCPT TO:<\(recipient)>", on: connection, expecting: nil)
        guard rcpt.code == 250 || rcpt.code == 251 else {
            throw NotifyError.smtpReply(server: serverName, command: "RCPT TO", code: rcpt.code, text: rcpt.text)
        }
        try command("DATA", on: connection, expecting: 354)
        try connection.write(EmailMessage.dotStuffed(bytes))
        try expect(250, from: connection, after: "the message")
        _ = try? command("QUIT", on: connection, expecting: nil)
    }

    private func authenticate(_ connection: SMTPConnection, username: String, password: String, offered: [String]) throws {
        if offered.contains("PLAIN") {
            let token = Data([0] + Array(username.utf8) + [0] + Array(password.utf8)).base64EncodedString()
            try command("AUTH PLAIN \(token)", on: connection, expecting: 235, shown: "AUTH PLAIN")
        } else if offered.contains("LOGIN") {
            try command("AUTH LOGIN", on: connection, expecting: 334)
            try command(Data(username.utf8).base64EncodedString(), on: connection, expecting: 334, shown: "AUTH LOGIN (user)")
            try command(Data(password.utf8).base64EncodedString(), on: connection, expecting: 235, shown: "AUTH LOGIN (password)")
        } else {
            throw NotifyError.smtpUnsupported(server: serverName, what: "AUTH PLAIN or LOGIN (it offers \(offered.joined(separator: " ")))")
        }
    }

    /// Reads one reply, all its lines.
    private func reply(from connection: SMTPConnection) throws -> SMTPReply {
        var collected: [String] = []
        while collected.count < Self.maximumReplyLines {
            let line = try connection.readLine()
            guard let parsed = SMTPReply.parseLine(line) else {
                throw NotifyError.smtpProtocol(server: serverName, reason: "not a reply line: \(String(line.prefix(80)).debugDescription)")
            }
            collected.append(parsed.text)
            if parsed.isLast { return SMTPReply(code: parsed.code, lines: collected) }
        }
        throw NotifyError.smtpProtocol(server: serverName, reason: "a reply of more than \(Self.maximumReplyLines) lines")
    }

    @discardableResult
    private func expect(_ code: Int, from connection: SMTPConnection, after what: String) throws -> SMTPReply {
        let answer = try reply(from: connection)
        guard answer.code == code else { throw NotifyError.smtpReply(server: serverName, command: what, code: answer.code, text: answer.text) }
        return answer
    }

    /// Sends one command line and reads its reply; with `expecting`, a reply of another code throws.
    /// `shown` replaces the command in errors (never a credential).
    @discardableResult
    private func command(_ line: String, on connection: SMTPConnection, expecting code: Int?, shown: String? = nil) throws -> SMTPReply {
        try connection.write(Array((line + "\r\n").utf8))
        let answer = try reply(from: connection)
        if let code, answer.code != code {
            let name = shown ?? String(line.prefix { $0 != ":" && $0 != "<" })
            throw NotifyError.smtpReply(server: serverName, command: name, code: answer.code, text: answer.text)
        }
        return answer
    }

    static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }
}

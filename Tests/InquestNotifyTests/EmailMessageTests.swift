import Foundation
import InquestCore
import Testing
@testable import InquestNotify

@Suite("Email message")
struct EmailMessageTests {
    private func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    @Test func dotStuffsLinesStartingWithADotAndEndsWithTheTerminator() {
        let stuffed = text(EmailMessage.dotStuffed(Array(".a\r\nb\n..c\rd".utf8)))
        #expect(stuffed == "..a\r\nb\r\n...c\r\nd\r\n.\r\n")
        #expect(text(EmailMessage.dotStuffed(Array(".\r\n".utf8))) == "..\r\n.\r\n", "a lone dot cannot end the data early")
    }

    @Test func aTitleCannotAddHeaders() {
        let notification = NotificationFixtures.notification(title: "pwned\r\nBcc: mallory@example.com\n\u{1B}[31mred")
        let delivery = NotificationFixtures.delivery(notification, channel: .email(address: "oncall@example.com", server: SMTPSettings(host: "h", from: "inquest@example.com")))
        let message = EmailMessage(delivery: delivery, from: "inquest@example.com", to: "oncall@example.com", date: notification.at)
        let rendered = text(message.rendered(serverTakes8Bit: true).bytes)
        let headers = rendered.components(separatedBy: "\r\n\r\n")[0].components(separatedBy: "\r\n")
        #expect(!headers.contains { $0.hasPrefix("Bcc:") })
        #expect(headers.filter { !$0.hasPrefix(" ") }.map { $0.prefix { $0 != ":" } } == [
            "Date", "From", "To", "Subject", "Message-ID", "MIME-Version", "Content-Type", "Content-Transfer-Encoding", "Auto-Submitted", "X-Mailer",
        ])
        #expect(!rendered.unicodeScalars.contains("\u{1B}"))
    }

    @Test func encodesNonASCIISubjectsAsEncodedWordsAndKeepsASCII() {
        #expect(EmailMessage.encodedHeaderText("plain subject") == "plain subject")
        let encoded = EmailMessage.encodedHeaderText("Zahlungsdienst ausgefallen – größer als gedacht, wirklich sehr viel größer")
        let words = encoded.components(separatedBy: "\r\n ")
        #expect(words.count > 1 && words.allSatisfy { $0.hasPrefix("=?UTF-8?B?") && $0.hasSuffix("?=") })
        let decoded = words.map { word -> String in
            let base64 = word.dropFirst("=?UTF-8?B?".count).dropLast(2)
            return String(decoding: Data(base64Encoded: String(base64)) ?? Data(), as: UTF8.self)
        }.joined()
        #expect(decoded == "Zahlungsdienst ausgefallen – größer als gedacht, wirklich sehr viel größer")
    }

    @Test func headersCarryAStableMessageIDAndAnRFC5322Date() {
        let notification = NotificationFixtures.notification()
        let delivery = NotificationFixtures.delivery(notification, channel: .email(address: "a@b.c", server: SMTPSettings(host: "h", from: "x@ops.example")))
        let first = EmailMessage(delivery: delivery, from: "x@ops.example", to: "a@b.c", date: notification.at)
        let later = EmailMessage(delivery: delivery, from: "x@ops.example", to: "a@b.c", date: Timestamp(seconds: 1_765_090_700))
        #expect(first.messageID == later.messageID && first.messageID == "<\(delivery.wireKey)@ops.example>")
        #expect(EmailMessage.dateText(notification.at) == "Sun, 07 Dec 2025 06:56:59 +0000")
    }

    @Test func bodyEncodingFollowsContentAndServer() {
        let ascii = EmailMessage(from: "a@b.c", to: "d@e.f", subject: "s", messageID: "<k@b.c>", date: Timestamp(seconds: 0), bodyLines: ["hello"])
        #expect(text(ascii.rendered(serverTakes8Bit: false).bytes).contains("Content-Transfer-Encoding: 7bit"))
        var utf8 = ascii
        utf8.bodyLines = ["größer"]
        #expect(utf8.rendered(serverTakes8Bit: true).eightBit)
        #expect(text(utf8.rendered(serverTakes8Bit: false).bytes).contains("Content-Transfer-Encoding: base64"))
        var long = ascii
        long.bodyLines = [String(repeating: "x", count: 1200)]
        #expect(text(long.rendered(serverTakes8Bit: true).bytes).contains("Content-Transfer-Encoding: base64"), "SMTP lines stop at 998 bytes")
    }

    @Test func acceptsOnlyPlainAddresses() {
        #expect(EmailMessage.isPlainAddress("oncall+sev1@example.com"))
        for bad in ["", "a", "a@", "@b", "a@b@c", "a b@c", "a@b\r\nRCPT TO:<x@y>", "<a@b>", "a@b,c@d"] {
            #expect(!EmailMessage.isPlainAddress(bad), "\(bad.debugDescription)")
        }
    }

    @Test func readsSMTPReplyLines() {
        #expect(SMTPReply.parseLine("250-STARTTLS")! == (250, false, "STARTTLS"))
        #expect(SMTPReply.parseLine("250 OK")! == (250, true, "OK"))
        #expect(SMTPReply.parseLine("220")! == (220, true, ""))
        #expect(SMTPReply.parseLine("25O OK") == nil)
        #expect(SMTPReply.parseLine("250_x") == nil)
        let reply = SMTPReply(code: 250, lines: ["mail.example", "8BITMIME", "AUTH PLAIN LOGIN", "STARTTLS"])
        #expect(reply.extensions["AUTH"] == ["PLAIN", "LOGIN"] && reply.extensions["STARTTLS"] == [])
    }
}

import Foundation
import InquestCore

/// A notification as an Internet message (RFC 5322): headers and a plain-text UTF-8 body.
/// Untrusted text reaches the headers only through ``NotificationText/subject(_:)`` (one line, no
/// controls) and RFC 2047 encoding, so no title or note can add a header.
public struct EmailMessage: Sendable, Hashable {
    public var from: String
    public var to: String
    public var subject: String
    /// `<KEY@DOMAIN>`: the same for every attempt, so a mail system that drops duplicate
    /// Message-IDs (and a person looking at two copies) can tell a resent message.
    public var messageID: String
    public var date: Timestamp
    public var bodyLines: [String]

    public init(from: String, to: String, subject: String, messageID: String, date: Timestamp, bodyLines: [String]) {
        self.from = from
        self.to = to
        self.subject = subject
        self.messageID = messageID
        self.date = date
        self.bodyLines = bodyLines
    }

    /// The message of one queued delivery, dated `date`.
    public init(delivery: NotificationDelivery, from: String, to: String, date: Timestamp) {
        let domain = from.split(separator: "@").last.map(String.init) ?? "inquest.invalid"
        self.init(
            from: from, to: to, subject: NotificationText.subject(delivery.notification),
            messageID: "<\(delivery.wireKey)@\(domain)>", date: date, bodyLines: NotificationText.bodyLines(delivery.notification))
    }

    /// The whole message with CRLF line ends. The body is 7bit when it is ASCII, 8bit when the
    /// server takes 8BITMIME, else base64; lines over 998 bytes force base64 (SMTP's limit).
    /// Returns the bytes and whether they need `BODY=8BITMIME`.
    public func rendered(serverTakes8Bit: Bool) -> (bytes: [UInt8], eightBit: Bool) {
        let body = bodyLines.joined(separator: "\r\n") + "\r\n"
        let ascii = body.utf8.allSatisfy { $0 < 0x80 }
        let short = bodyLines.allSatisfy { $0.utf8.count <= 998 }
        let encoding: String
        let encodedBody: String
        if ascii && short {
            (encoding, encodedBody) = ("7bit", body)
        } else if serverTakes8Bit && short {
            (encoding, encodedBody) = ("8bit", body)
        } else {
            let base64 = Data(body.utf8).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
            (encoding, encodedBody) = ("base64", base64 + "\r\n")
        }
        let headers = [
            "Date: \(Self.dateText(date))",
            "From: \(from)",
            "To: \(to)",
            "Subject: \(Self.encodedHeaderText(subject))",
            "Message-ID: \(messageID)",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: \(encoding)",
            "Auto-Submitted: auto-generated",
            "X-Mailer: inquest-notify",
        ]
        return (Array((headers.joined(separator: "\r\n") + "\r\n\r\n" + encodedBody).utf8), encoding == "8bit")
    }

    /// The DATA section: every line starting with `.` gets another `.` (RFC 5321 §4.5.2),
    /// bare CR and LF become CRLF, then the `CRLF.CRLF` terminator.
    public static func dotStuffed(_ message: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(message.count + 64)
        var atLineStart = true
        var index = 0
        while index < message.count {
            let byte = message[index]
            if byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\n") {
                output += [13, 10]
                if byte == UInt8(ascii: "\r"), index + 1 < message.count, message[index + 1] == UInt8(ascii: "\n") { index += 1 }
                atLineStart = true
            } else {
                if atLineStart && byte == UInt8(ascii: ".") { output.append(byte) }
                output.append(byte)
                atLineStart = false
            }
            index += 1
        }
        if !atLineStart { output += [13, 10] }
        output += Array(".\r\n".utf8)
        return output
    }

    /// A header value: ASCII printable text as it is; otherwise RFC 2047 encoded words
    /// (`=?UTF-8?B?…?=`, at most 45 bytes of text each, folded onto continuation lines).
    /// Controls never pass: CR, LF and others become spaces first.
    public static func encodedHeaderText(_ text: String) -> String {
        let cleaned = String(String.UnicodeScalarView(text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? " " : $0 }))
        if cleaned.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) && cleaned.utf8.count <= 900 { return cleaned }
        var words: [String] = []
        var chunk = ""
        for character in cleaned {
            if chunk.utf8.count + character.utf8.count > 45, !chunk.isEmpty {
                words.append(chunk)
                chunk = ""
            }
            chunk.append(character)
        }
        if !chunk.isEmpty { words.append(chunk) }
        return words.map { "=?UTF-8?B?\(Data($0.utf8).base64EncodedString())?=" }.joined(separator: "\r\n ")
    }

    /// `Mon, 07 Dec 2026 06:56:59 +0000` (RFC 5322 §3.3), in UTC.
    static func dateText(_ time: Timestamp) -> String {
        let seconds = time.nanoseconds / 1_000_000_000 - (time.nanoseconds % 1_000_000_000 < 0 ? 1 : 0)
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let (year, month, day) = TimestampFormatter.civil(fromDays: days)
        let weekdays = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let weekday = weekdays[Int(((days % 7) + 7) % 7)]
        let monthName = months[Int(max(1, min(12, month))) - 1]
        let clock = String(format: "%02d:%02d:%02d", Int(secondOfDay / 3600), Int(secondOfDay % 3600 / 60), Int(secondOfDay % 60))
        return "\(weekday), \(String(format: "%02d", Int(day))) \(monthName) \(String(format: "%04d", Int(year))) \(clock) +0000"
    }

    /// Whether `address` is a plain `local@domain` mailbox that is safe in a header and an SMTP
    /// command: no spaces, controls, angle brackets, commas or quotes; at most 254 bytes.
    public static func isPlainAddress(_ address: String) -> Bool {
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, address.utf8.count <= 254 else { return false }
        let forbidden = Set(" \t\r\n<>,;:\"()[]\\".unicodeScalars)
        return address.unicodeScalars.allSatisfy { $0.value > 0x20 && $0.value != 0x7F && !forbidden.contains($0) }
    }
}

import Foundation
import InquestCore

/// Delivers to email subscriptions through their SMTP server (``SMTPClient``), with a stable
/// `Message-ID` per message. SMTP replies 4xx and broken connections are retried; 5xx replies
/// and settings that cannot work (no STARTTLS where required, an unreadable password file) are not.
public struct EmailSender: NotificationChannelSender {
    private let clientName: String
    private let clock: @Sendable () -> Timestamp

    /// `clientName` is the host name given in EHLO (this machine's by default).
    public init(clientName: String = ProcessInfo.processInfo.hostName, clock: @escaping @Sendable () -> Timestamp = { .now() }) {
        let name = clientName.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil || "-.".unicodeScalars.contains($0)) }
        self.clientName = name && !clientName.isEmpty ? clientName : "localhost"
        self.clock = clock
    }

    public func deliver(_ delivery: NotificationDelivery, timeout: Duration) async -> DeliveryOutcome {
        guard case .email(let address, let server) = delivery.subscription.channel else {
            return .permanent(reason: "not an email subscription")
        }
        guard EmailMessage.isPlainAddress(address), EmailMessage.isPlainAddress(server.from) else {
            return .permanent(reason: "\(address.debugDescription) or \(server.from.debugDescription) is not a plain address")
        }
        do {
            let password = try server.passwordFile.map(Self.readPassword)
            let message = EmailMessage(delivery: delivery, from: server.from, to: address, date: clock())
            try await SMTPClient(settings: server, clientName: clientName).send(message, recipient: address, password: password, timeout: timeout)
            return .delivered
        } catch let error as NotifyError {
            return error.isTransient ? .retry(reason: error.description) : .permanent(reason: error.description)
        } catch {
            return .retry(reason: "\(error)")
        }
    }

    /// The file's first line, refusing a file that group or others can read.
    static func readPassword(_ path: String) throws -> String {
        let attributes: [FileAttributeKey: Any]
        do {
            attributes = try FileManager.default.attributesOfItem(atPath: path)
        } catch {
            throw NotifyError.passwordFile(path: path, reason: "cannot be read (\(error.localizedDescription))")
        }
        if let mode = attributes[.posixPermissions] as? Int, mode & 0o077 != 0 {
            throw NotifyError.passwordFile(path: path, reason: "group or others can read it (mode \(String(mode, radix: 8)))")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw NotifyError.passwordFile(path: path, reason: "cannot be read")
        }
        let text = String(decoding: data, as: UTF8.self)
        return String(text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).first ?? "")
    }
}

import Foundation

/// Where a subscription's notifications go, with what the sender needs to reach it.
public enum NotificationChannel: Sendable, Hashable {
    /// A JSON POST to `url`, its body signed with HMAC-SHA256 under `secret`.
    case webhook(url: String, secret: String)
    /// A mail to `address` through an SMTP server.
    case email(address: String, server: SMTPSettings)

    /// The channel's kind as stored and shown: `webhook` or `email`.
    public var kind: String {
        switch self {
        case .webhook: "webhook"
        case .email: "email"
        }
    }

    /// The URL or the address, without secrets (a webhook URL's query and user info are cut:
    /// chat services put their token there).
    public var displayTarget: String {
        switch self {
        case .webhook(let url, _):
            let withoutQuery = url.split(separator: "?", maxSplits: 1).first.map(String.init) ?? url
            guard let scheme = withoutQuery.range(of: "://"), let at = withoutQuery[scheme.upperBound...].firstIndex(of: "@"),
                  !withoutQuery[scheme.upperBound..<at].contains("/")
            else { return withoutQuery }
            return String(withoutQuery[..<scheme.upperBound]) + String(withoutQuery[withoutQuery.index(after: at)...])
        case .email(let address, let server):
            return "\(address) via \(server.host):\(server.port)"
        }
    }

    /// The target the idempotency key is derived from: the URL or the address (two
    /// subscriptions of one target share their keys, so a receiver drops the second copy).
    public var target: String {
        switch self {
        case .webhook(let url, _): url
        case .email(let address, _): address
        }
    }
}

/// How to reach an SMTP server.
public struct SMTPSettings: Sendable, Hashable, Codable {
    /// When to upgrade the connection to TLS with STARTTLS.
    public enum StartTLS: String, Sendable, Hashable, Codable, CaseIterable {
        /// Refuse to send unless the server offers STARTTLS (the default).
        case required
        /// Upgrade when the server offers it, else send in the clear.
        case auto
        /// Never upgrade (a relay on loopback).
        case off
    }

    public var host: String
    public var port: Int
    public var startTLS: StartTLS
    /// The `From:` address and envelope sender.
    public var from: String
    /// The AUTH user name; nil sends without authenticating.
    public var username: String?
    /// A file holding the AUTH password, read at each send (so it is never stored and can rotate).
    public var passwordFile: String?
    /// A PEM file of certificates to trust for the server instead of the system's (a private CA).
    public var caFile: String?

    public init(
        host: String, port: Int = 587, startTLS: StartTLS = .required, from: String, username: String? = nil,
        passwordFile: String? = nil, caFile: String? = nil
    ) {
        self.host = host
        self.port = port
        self.startTLS = startTLS
        self.from = from
        self.username = username
        self.passwordFile = passwordFile
        self.caFile = caFile
    }

    enum CodingKeys: String, CodingKey {
        case host, port, from, username
        case startTLS = "starttls"
        case passwordFile = "password_file"
        case caFile = "ca_file"
    }
}

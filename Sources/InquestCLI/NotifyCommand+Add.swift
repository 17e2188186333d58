import ArgumentParser
import Foundation
import InquestCore
import InquestNotify
import InquestStore
import InquestText

extension NotifyCommand {
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Subscribe a webhook or an email address to investigation changes.",
            subcommands: [Webhook.self, Email.self]
        )
    }

    /// `--investigation` and `--events`, shared by both channels.
    struct ScopeOptions: ParsableArguments {
        @Option(help: "Only this investigation's changes (default: every investigation).") var investigation: Int64?
        @Option(help: "Comma-separated: created, status, severity, owner, note, resolved, or all.") var events: String = "all"

        func kinds() throws -> Set<NotificationKind> {
            switch NotificationKind.parseList(events) {
            case .success(let kinds): return kinds
            case .failure(let error): throw ValidationError("--events: \(error)")
            }
        }
    }

    struct Webhook: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "POST a signed JSON body to URL on each change (X-Inquest-Signature: sha256=HMAC of timestamp.body).")
        @OptionGroup var store: StoreOptions
        @OptionGroup var scope: ScopeOptions
        @Argument(help: "The http(s) URL to POST to.") var url: String
        @Option(help: "The HMAC secret (prefer --secret-file: arguments are visible to other users).") var secret: String?
        @Option(help: "A file holding the HMAC secret (its first line).") var secretFile: String?

        func run() throws {
            guard let parsed = URL(string: url), ["http", "https"].contains(parsed.scheme?.lowercased() ?? ""), parsed.host != nil else {
                throw ValidationError("\(url.debugDescription) is not an http(s) URL")
            }
            let secret = try resolvedSecret()
            let subscription = NotificationSubscription(
                owner: "", investigationID: scope.investigation, kinds: try scope.kinds(), channel: .webhook(url: url, secret: secret))
            try NotifyCommand.add(subscription, store: store)
        }

        private func resolvedSecret() throws -> String {
            switch (secret, secretFile) {
            case (let value?, nil) where !value.isEmpty:
                return value
            case (nil, let path?):
                guard let data = FileManager.default.contents(atPath: path) else { throw ValidationError("cannot read --secret-file \(path)") }
                let line = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
                guard !line.isEmpty else { throw ValidationError("--secret-file \(path) is empty") }
                return line
            default:
                throw ValidationError("give the signing secret once: --secret S or --secret-file PATH")
            }
        }
    }

    struct Email: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Mail ADDRESS on each change through an SMTP server (STARTTLS when offered).")
        @OptionGroup var store: StoreOptions
        @OptionGroup var scope: ScopeOptions
        @Argument(help: "The address to mail.") var address: String
        @Option(help: "The SMTP server, HOST:PORT (port 587 when omitted).") var smtp: String
        @Option(help: "required (refuse a server without STARTTLS), auto (upgrade when offered) or off.") var starttls: SMTPSettings.StartTLS = .required
        @Option(help: "The From address (default: inquest@ and this host's name).") var from: String?
        @Option(help: "The AUTH user name (with --password-file).") var user: String?
        @Option(help: "A file holding the AUTH password, read at each send (mode 0600).") var passwordFile: String?
        @Option(help: "A PEM file of certificates to trust for the server (a private CA or a self-signed certificate).") var caFile: String?

        func run() throws {
            guard EmailMessage.isPlainAddress(address) else { throw ValidationError("\(address.debugDescription) is not a plain local@domain address") }
            let sender = from ?? "inquest@\(ProcessInfo.processInfo.hostName)"
            guard EmailMessage.isPlainAddress(sender) else { throw ValidationError("--from \(sender.debugDescription) is not a plain local@domain address") }
            let (host, port) = try Self.hostAndPort(smtp)
            if (user == nil) != (passwordFile == nil) { throw ValidationError("--user and --password-file go together") }
            if let caFile, !FileManager.default.isReadableFile(atPath: caFile) { throw ValidationError("cannot read --ca-file \(caFile)") }
            let server = SMTPSettings(
                host: host, port: port, startTLS: starttls, from: sender, username: user,
                passwordFile: passwordFile.map { URL(fileURLWithPath: $0).standardizedFileURL.path },
                caFile: caFile.map { URL(fileURLWithPath: $0).standardizedFileURL.path })
            let subscription = NotificationSubscription(
                owner: "", investigationID: scope.investigation, kinds: try scope.kinds(), channel: .email(address: address, server: server))
            try NotifyCommand.add(subscription, store: store)
        }

        static func hostAndPort(_ text: String) throws -> (String, Int) {
            var host = text
            var port = 587
            if let colon = text.lastIndex(of: ":"), !text.hasSuffix("]") {
                guard let number = Int(text[text.index(after: colon)...]), (1...65_535).contains(number) else {
                    throw ValidationError("--smtp \(text.debugDescription): the port must be 1-65535")
                }
                host = String(text[..<colon])
                port = number
            }
            host = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
            guard !host.isEmpty, host.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F }) else {
                throw ValidationError("--smtp \(text.debugDescription) names no host")
            }
            return (host, port)
        }
    }

    static func add(_ subscription: NotificationSubscription, store: StoreOptions) throws {
        let stored: NotificationSubscription
        do {
            stored = try store.open().addSubscription(subscription)
        } catch {
            throw CLIFailure("\(error)")
        }
        for line in rows([stored], investigation: nil) { print("added " + line) }
    }
}

extension SMTPSettings.StartTLS: ExpressibleByArgument {}

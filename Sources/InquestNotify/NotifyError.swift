/// Errors of the notification sender and its channels. Each message says what failed, where
/// (server, URL, address) and what to do.
public enum NotifyError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A setting given to `notify add` (or read back from the store) is not usable.
    case invalidSetting(name: String, value: String, reason: String)
    /// The SMTP server could not be reached or the connection broke; worth retrying.
    case connectionFailed(server: String, reason: String)
    /// The SMTP server answered a command with a code other than the one expected.
    case smtpReply(server: String, command: String, code: Int, text: String)
    /// The SMTP server does not offer something the subscription requires (STARTTLS, an AUTH method).
    case smtpUnsupported(server: String, what: String)
    /// The SMTP server sent something that is not an SMTP reply (too long, malformed).
    case smtpProtocol(server: String, reason: String)
    /// The password file of an SMTP subscription cannot be read.
    case passwordFile(path: String, reason: String)
    /// The TLS handshake with the server failed (certificate not trusted, wrong name).
    case tls(server: String, reason: String)
    /// Nothing was done within the allowed time.
    case timedOut(server: String, seconds: Double)

    /// Whether a later attempt may succeed (a permanent failure becomes a dead letter at once).
    public var isTransient: Bool {
        switch self {
        case .connectionFailed, .timedOut: true
        case .smtpReply(_, _, let code, _): code < 500
        case .tls, .smtpProtocol: true
        case .invalidSetting, .smtpUnsupported, .passwordFile: false
        }
    }

    public var description: String {
        switch self {
        case .invalidSetting(let name, let value, let reason):
            return "invalid \(name) \(value.debugDescription): \(reason)"
        case .connectionFailed(let server, let reason):
            return "cannot talk to \(server): \(reason); check that the server runs and the host and port are right"
        case .smtpReply(let server, let command, let code, let text):
            return "\(server) answered \(command) with \(code) \(text)"
        case .smtpUnsupported(let server, let what):
            return "\(server) does not offer \(what); use another server or change the subscription (--starttls auto|off)"
        case .smtpProtocol(let server, let reason):
            return "\(server) broke the SMTP protocol: \(reason)"
        case .passwordFile(let path, let reason):
            return "password file \(path): \(reason); write the password alone in a file only you can read (chmod 600)"
        case .tls(let server, let reason):
            return "TLS with \(server) failed: \(reason); trust its certificate (--ca-file PEM) or fix the host name"
        case .timedOut(let server, let seconds):
            return "\(server) did not finish within \(seconds) s"
        }
    }
}

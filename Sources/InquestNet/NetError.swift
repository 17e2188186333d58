import Foundation

/// Errors raised by the network connectors in `InquestNet`. Each message says what failed,
/// where (URL, port, field) and what to do.
public enum NetError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The loopback server could not bind or listen; `reason` says why (port in use, permission).
    case serverStartFailed(port: UInt16, reason: String)
    /// No HTTP response arrived (connection refused, reset, timeout).
    case requestFailed(url: String, reason: String)
    /// The server answered with a status other than 2xx; `body` is the start of its answer.
    case httpStatus(url: String, status: Int, body: String)
    /// The Prometheus HTTP API answered `"status":"error"`; `errorType` and `message` are its own.
    case prometheusAPI(url: String, errorType: String, message: String)
    /// An answer could not be read; `field` names the JSON path that was missing or wrong.
    case malformedResponse(url: String, field: String, reason: String)
    /// An argument given to a connector is outside what it accepts.
    case invalidArgument(name: String, value: String, reason: String)
    /// The bearer-token file of a receiver open to other machines is missing, empty, or
    /// readable by group or others (it must be mode 0600).
    case tokenFileRefused(path: String, reason: String)

    public var description: String {
        switch self {
        case .serverStartFailed(let port, let reason):
            return "could not start the HTTP server on port \(port): \(reason); choose another port or 0 for an ephemeral one"
        case .requestFailed(let url, let reason):
            return "no answer from \(url): \(reason); check that the server runs and the URL is right"
        case .httpStatus(let url, let status, let body):
            return "\(url) answered HTTP \(status)\(body.isEmpty ? "" : ": \(body)"); check the URL and the query"
        case .prometheusAPI(let url, let errorType, let message):
            return "Prometheus at \(url) refused the query (\(errorType)): \(message); fix the PromQL expression or the time range"
        case .malformedResponse(let url, let field, let reason):
            return "cannot read the answer of \(url) at \(field): \(reason); is this the right kind of endpoint?"
        case .invalidArgument(let name, let value, let reason):
            return "invalid \(name) \(value.debugDescription): \(reason)"
        case .tokenFileRefused(let path, let reason):
            return "token file \(path): \(reason); write the token alone in a file only you can read (chmod 600 \(path))"
        }
    }
}

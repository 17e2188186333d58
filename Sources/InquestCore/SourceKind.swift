/// Where an event came from. Stored by ``rawValue``; `source:` filters take these names.
public enum SourceKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// A log record (files, stdin, followed logs).
    case log
    /// A metric sample or a detected metric anomaly.
    case metric
    /// A trace span of interest (error span, slow trace).
    case trace
    /// A change: a git commit, merge, tag or deploy.
    case change
    /// A CI result: a failed test or a failed workflow run.
    case ci
    /// An alert raised by a monitoring system.
    case alert
    /// A note written by an investigator.
    case note
}

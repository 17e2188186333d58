/// Why the suspects analysis could not run.
public enum AnalysisError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The store could not be read; the message says what failed.
    case storeUnreadable(String)
    /// No time was given and the store holds no error to start from.
    case noIncidentTime

    public var description: String {
        switch self {
        case .storeUnreadable(let message): "cannot read the store: \(message)"
        case .noIncidentTime: "no error events in the store to start from; give a time with --at"
        }
    }
}

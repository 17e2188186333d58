/// Why an ingest could not run. Problems inside a file (bad lines) are not errors:
/// they become dead letters and the file goes on.
public enum IngestError: Error, Sendable, CustomStringConvertible {
    /// The input path does not exist.
    case fileNotFound(path: String)
    /// The input exists but cannot be opened or read (permissions, a directory...).
    case unreadable(path: String, reason: String)
    /// An option value is invalid (`--tz`, `--format`, `--year`, `--columns`).
    case invalidOption(name: String, value: String, hint: String)
    /// The ingest was asked to stop (``IngestCancellation``) before it ended; what was committed stays.
    case cancelled

    public var description: String {
        switch self {
        case .fileNotFound(let path):
            "\(path): no such file"
        case .unreadable(let path, let reason):
            "\(path): cannot read: \(reason)"
        case .invalidOption(let name, let value, let hint):
            "invalid value '\(value)' for \(name): \(hint)"
        case .cancelled:
            "the ingest was stopped before it ended; what was stored stays, and the next ingest of these files goes on from there"
        }
    }
}

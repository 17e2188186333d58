/// The five severity levels every event is classified into.
///
/// The original level text of the record is kept separately on ``Event/levelText``.
public enum Severity: Int, Sendable, Hashable, Comparable, CaseIterable, Codable {
    case debug = 0
    case info = 1
    case warning = 2
    case error = 3
    case critical = 4

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The canonical lower-case name (`debug`, `info`, `warning`, `error`, `critical`).
    public var name: String {
        switch self {
        case .debug: "debug"
        case .info: "info"
        case .warning: "warning"
        case .error: "error"
        case .critical: "critical"
        }
    }

    /// Classifies a level word as written by common loggers (case-insensitive):
    /// `trace`/`debug`/`fine`, `info`/`notice`, `warn`/`warning`, `err`/`error`/`severe`,
    /// `fatal`/`crit`/`critical`/`alert`/`emerg`/`panic`. Returns nil for anything else.
    public init?(levelText: String) {
        var lowered = ""
        lowered.reserveCapacity(levelText.utf8.count)
        for scalar in levelText.unicodeScalars {
            guard scalar.isASCII else { return nil }
            let value = scalar.value
            if value >= 65 && value <= 90 {
                lowered.unicodeScalars.append(Unicode.Scalar(value + 32) ?? scalar)
            } else {
                lowered.unicodeScalars.append(scalar)
            }
        }
        switch lowered {
        case "trace", "debug", "dbg", "fine", "finer", "finest", "verbose", "d", "t", "v", "all":
            self = .debug
        case "info", "information", "informational", "notice", "inf", "i", "config", "ok":
            self = .info
        case "warn", "warning", "wrn", "w":
            self = .warning
        case "err", "error", "eror", "severe", "e", "failure", "fail":
            self = .error
        case "fatal", "crit", "critical", "alert", "emerg", "emergency", "panic", "f", "c", "dpanic":
            self = .critical
        default:
            return nil
        }
    }

    /// Classifies a syslog severity number (0 emerg ... 7 debug).
    public init(syslogSeverity: Int) {
        switch syslogSeverity {
        case ...2: self = .critical
        case 3: self = .error
        case 4: self = .warning
        case 5, 6: self = .info
        default: self = .debug
        }
    }

    /// Classifies a numeric level as used by bunyan/pino (10 trace ... 60 fatal).
    public init?(bunyanLevel: Int) {
        switch bunyanLevel {
        case 10, 20: self = .debug
        case 30: self = .info
        case 40: self = .warning
        case 50: self = .error
        case 60: self = .critical
        default: return nil
        }
    }
}

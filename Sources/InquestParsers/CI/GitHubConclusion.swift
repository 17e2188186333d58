import InquestCore

/// How a GitHub Actions `conclusion` reads in messages and which severity it gets.
enum GitHubConclusion {
    /// failure, timed_out and startup_failure are errors; cancelled and action_required are
    /// warnings; success, neutral, skipped and anything else are info.
    static func severity(_ conclusion: String) -> Severity {
        switch conclusion {
        case "failure", "timed_out", "startup_failure": .error
        case "cancelled", "action_required", "stale": .warning
        default: .info
        }
    }

    /// The verb phrase for messages (`failed`, `timed out`, `was cancelled`, `succeeded`...).
    static func phrase(_ conclusion: String) -> String {
        switch conclusion {
        case "success": "succeeded"
        case "failure": "failed"
        case "timed_out": "timed out"
        case "cancelled": "was cancelled"
        case "startup_failure": "failed to start"
        case "action_required": "needs action"
        case "skipped": "was skipped"
        case "neutral": "finished neutral"
        case "stale": "went stale"
        default: "finished \(conclusion)"
        }
    }
}

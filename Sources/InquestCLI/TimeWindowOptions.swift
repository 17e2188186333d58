import ArgumentParser
import InquestCore

/// `--since`, `--after`, `--before`: a time window on the command line, read as the filter
/// language reads `since:`, `after:` and `before:` (``FilterTimePoint/init(parsing:)``).
struct TimeWindowOptions: ParsableArguments {
    @Option(help: "Only from this long ago (15m, 2h, 1d).")
    var since: String?

    @Option(help: "Only at or after this time (2023-01-29T08:40Z, or a duration ago).")
    var after: String?

    @Option(help: "Only before this time (2023-01-29T09:00Z, or a duration ago).")
    var before: String?

    func validate() throws {
        if let since, FilterTimePoint(parsing: since).map({ if case .ago = $0 { true } else { false } }) != true {
            throw ValidationError("--since \(since): expected a duration like 15m, 2h or 1d")
        }
        if since != nil && after != nil { throw ValidationError("--since and --after both set the start: give one") }
        for (name, value) in [("--after", after), ("--before", before)] {
            if let value, FilterTimePoint(parsing: value) == nil {
                throw ValidationError("\(name) \(value): expected a time like 2023-01-29T08:40Z or a duration like 2h")
            }
        }
    }

    /// The window `[start, end)` resolved against `now`; nil when no option was given.
    func range(now: Timestamp) -> Range<Timestamp>? {
        guard since != nil || after != nil || before != nil else { return nil }
        let start = (since ?? after).flatMap(FilterTimePoint.init(parsing:))?.resolved(now: now) ?? .earliest
        let end = before.flatMap(FilterTimePoint.init(parsing:))?.resolved(now: now) ?? .latest
        return start..<max(start, end)
    }
}

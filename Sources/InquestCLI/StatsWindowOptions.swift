import ArgumentParser
import InquestCore

/// The time options of `inquest stats --by`: the window counted and, for `--compare`, the
/// baseline. Times are read as the filter's `after:` reads them (`2026-11-20T10:42Z`, `10:42`
/// is not a time; a duration after `--since`).
struct StatsWindowOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Count the last DURATION up to now (15m, 1h30m).", valueName: "duration"))
    var since: String?

    @Option(help: ArgumentHelp("The window starts at TIME (inclusive); without --before it ends after the last matching event.", valueName: "time"))
    var after: String?

    @Option(help: ArgumentHelp("The window ends at TIME (exclusive); without --after it starts at the first matching event.", valueName: "time"))
    var before: String?

    @Option(help: ArgumentHelp("The baseline starts at TIME (default: the window of equal length just before the window).", valueName: "time"))
    var baselineAfter: String?

    @Option(help: ArgumentHelp("The baseline ends at TIME (exclusive).", valueName: "time"))
    var baselineBefore: String?

    /// True when the user named the window.
    var namesWindow: Bool { since != nil || after != nil || before != nil }

    func validate() throws {
        if since != nil, after != nil || before != nil { throw ValidationError("--since cannot be combined with --after or --before") }
    }

    /// The window: the options' bounds, the missing ones taken from the matching events
    /// (`extent`, first and last matching time); nil when nothing bounds it.
    func window(now: Timestamp, extent: ClosedRange<Timestamp>?) throws -> Range<Timestamp>? {
        if let since {
            let length = try Self.duration(since, option: "--since")
            return Timestamp(nanoseconds: now.nanoseconds.subtractingReportingOverflow(length).partialValue)..<now
        }
        let start = try after.map { try Self.time($0, option: "--after", now: now) } ?? extent?.lowerBound
        let end = try before.map { try Self.time($0, option: "--before", now: now) } ?? extent.map { Self.justAfter($0.upperBound) }
        guard let start, let end else { return nil }
        guard start < end else { throw CLIFailure("the window is empty: it starts at \(start.iso8601) and ends at \(end.iso8601)") }
        return start..<end
    }

    /// The baseline for `window`: the options' bounds (one bound takes the window's length),
    /// else the window of equal length just before it.
    func baseline(for window: Range<Timestamp>, now: Timestamp) throws -> Range<Timestamp> {
        let length = window.upperBound.nanoseconds &- window.lowerBound.nanoseconds
        let start = try baselineAfter.map { try Self.time($0, option: "--baseline-after", now: now) }
        let end = try baselineBefore.map { try Self.time($0, option: "--baseline-before", now: now) }
        switch (start, end) {
        case let (start?, end?):
            guard start < end else { throw CLIFailure("the baseline is empty: it starts at \(start.iso8601) and ends at \(end.iso8601)") }
            return start..<end
        case let (start?, nil):
            return start..<Timestamp(nanoseconds: start.nanoseconds.addingReportingOverflow(length).partialValue)
        case let (nil, end?):
            return Timestamp(nanoseconds: end.nanoseconds.subtractingReportingOverflow(length).partialValue)..<end
        case (nil, nil):
            return BreakdownComparison.defaultBaseline(before: window)
        }
    }

    static func justAfter(_ time: Timestamp) -> Timestamp {
        Timestamp(nanoseconds: time.nanoseconds == Int64.max ? Int64.max : time.nanoseconds + 1)
    }

    /// A time as the filter language's `after:` reads it.
    static func time(_ text: String, option: String, now: Timestamp) throws -> Timestamp {
        let filter: Filter
        do {
            filter = try Filter.parse("after:" + text)
        } catch {
            throw CLIFailure("\(option) \(text): not a time (write it as the filter's after: takes it, e.g. 2026-11-20T10:42Z)")
        }
        guard case .term(.after(let point))? = filter.expression else {
            throw CLIFailure("\(option) \(text): not a time (e.g. 2026-11-20T10:42Z)")
        }
        return point.resolved(now: now)
    }

    static func duration(_ text: String, option: String) throws -> Int64 {
        guard let nanoseconds = DurationText.nanoseconds(text, bareNumber: .rejected), nanoseconds > 0 else {
            throw CLIFailure("\(option) \(text): not a duration (15m, 2h, 1h30m)")
        }
        return nanoseconds
    }
}

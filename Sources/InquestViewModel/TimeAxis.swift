import InquestCore

/// The labels of the time axis under the density strip: round times (every 5 minutes, every
/// hour, at midnight, each month…) placed at the column of the strip whose bucket holds them,
/// as many as fit the width with a gap between labels.
///
/// The step is the smallest round step whose labels do not touch: `HH:MM:SS` for steps under a
/// minute, `HH:MM` under a day, and the date (`11-20`) at midnight, so a range that spans days
/// shows where each day starts; `MM-DD` for steps of days, `YYYY-MM` for months, `YYYY` for
/// years. Times are UTC, or local in the `local` time mode (relative mode keeps UTC clocks).
public struct TimeAxis: Sendable, Hashable {
    /// One label: its first column (from the strip's left edge) and its text.
    public struct Tick: Sendable, Hashable {
        public var column: Int
        public var label: String

        public init(column: Int, label: String) {
            self.column = column
            self.label = label
        }
    }

    /// The labels, left to right, none overlapping another or the right edge.
    public var ticks: [Tick]

    /// Columns left free between two labels.
    static let gap = 2

    /// Round steps in seconds up to a week; longer ranges step by months, then years.
    static let steps: [Int64] = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1_800, 3_600, 7_200, 10_800, 21_600, 43_200, 86_400, 172_800, 604_800]
    static let monthSteps: [Int64] = [1, 3, 6]
    static let yearSteps: [Int64] = [1, 2, 5, 10, 20, 50, 100]

    /// The axis of a strip `columns` wide covering `[from, to)`; no ticks for an empty range.
    public init(from: Timestamp, to: Timestamp, columns: Int, mode: TimeDisplayMode, offsetSeconds: Int64) {
        ticks = []
        guard columns > 0, to > from else { return }
        let shift = mode == .local ? offsetSeconds : 0
        // The first whole second at or after `from`: a tick never sits left of the strip's start.
        let start = Self.seconds(from.advanced(saturating: 999_999_999)) + shift
        let end = Self.seconds(to) + shift
        let span = Double(to.nanoseconds) - Double(from.nanoseconds)
        // Column of a time given in shifted seconds (the strip's buckets: floor of its share).
        let column = { (second: Int64) -> Int in
            let offset = (Double(second - shift) * 1e9 - Double(from.nanoseconds)) / span * Double(columns)
            return Int(max(0, min(Double(columns), offset.rounded(.down))))
        }
        let fits = { (stepSeconds: Double, labelWidth: Int) -> Bool in
            stepSeconds * 1e9 / span * Double(columns) >= Double(labelWidth + Self.gap)
        }
        var times: [(second: Int64, label: String)] = []
        if let step = Self.steps.first(where: { fits(Double($0), Self.labelWidth(step: $0)) }) {
            var second = Self.ceiling(start, to: step)
            while second < end, times.count <= columns {
                times.append((second, Self.label(second, step: step)))
                second += step
            }
        } else if let months = Self.monthSteps.first(where: { fits(Double($0) * 30.44 * 86_400, 7) }) {
            var (year, month) = Self.monthAtOrAfter(start)
            month = ((month - 1 + months - 1) / months) * months + 1
            if month > 12 { (year, month) = (year + 1, month - 12) }
            while times.count <= columns {
                let second = TimestampFormatter.days(year: year, month: month, day: 1) * 86_400
                guard second < end else { break }
                if second >= start { times.append((second, "\(year)-" + Self.two(month))) }
                month += months
                if month > 12 { (year, month) = (year + 1, month - 12) }
            }
        } else {
            let years = Self.yearSteps.first(where: { fits(Double($0) * 365.25 * 86_400, 4) }) ?? 1_000
            var year = Self.monthAtOrAfter(start).year
            year = (year + years - 1) / years * years
            while times.count <= columns {
                let second = TimestampFormatter.days(year: year, month: 1, day: 1) * 86_400
                guard second < end else { break }
                if second >= start { times.append((second, "\(year)")) }
                year += years
            }
        }
        var nextFree = 0
        for (second, label) in times {
            let at = column(second)
            guard at >= nextFree, at + label.count <= columns else { continue }
            ticks.append(Tick(column: at, label: label))
            // Bucket columns are rounded down, so a label may land a column closer than the
            // step's width: one blank column is enough to keep every tick of the step.
            nextFree = at + label.count + 1
        }
    }

    /// Whole seconds of a time (rounded down).
    static func seconds(_ time: Timestamp) -> Int64 {
        let seconds = time.nanoseconds / 1_000_000_000
        return time.nanoseconds % 1_000_000_000 < 0 ? seconds - 1 : seconds
    }

    /// The first multiple of `step` at or after `second`.
    static func ceiling(_ second: Int64, to step: Int64) -> Int64 {
        let remainder = second % step
        if remainder == 0 { return second }
        return remainder > 0 ? second - remainder + step : second - remainder
    }

    static func labelWidth(step: Int64) -> Int {
        step < 60 ? 8 : 5
    }

    /// `HH:MM:SS`, `HH:MM`, or at midnight (and for steps of days) the date `MM-DD`.
    static func label(_ second: Int64, step: Int64) -> String {
        var dayStart = second % 86_400
        if dayStart < 0 { dayStart += 86_400 }
        if dayStart == 0 || step >= 86_400 {
            let days = (second - dayStart) / 86_400
            let (_, month, day) = TimestampFormatter.civil(fromDays: days)
            return two(month) + "-" + two(day)
        }
        let clock = two(dayStart / 3_600) + ":" + two(dayStart % 3_600 / 60)
        return step < 60 ? clock + ":" + two(dayStart % 60) : clock
    }

    static func two(_ value: Int64) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }

    /// The year and month of a second (shifted seconds since 1970).
    static func monthAtOrAfter(_ second: Int64) -> (year: Int64, month: Int64) {
        var days = second / 86_400
        if second % 86_400 < 0 { days -= 1 }
        let (year, month, _) = TimestampFormatter.civil(fromDays: days)
        return (year, month)
    }
}

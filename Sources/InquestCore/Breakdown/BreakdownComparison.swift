/// A breakdown of a window against the same breakdown of a baseline window: what is new or
/// louder since. Rates are per unit of each window's length, so windows of different lengths compare.
///
/// Rows are sorted by change: new groups first (most events first), then by the rise of their
/// rate, then groups that went quiet. The rise is ranked on `(w + 1) / (b + 1)` scaled by the
/// windows' lengths (w, b: the group's events in the window and baseline), so a group going
/// from 1 to 3 events does not outrank one going from 1,000 to 2,500; the ratio shown
/// (``BreakdownComparisonRow/rateRatio``) is the exact `w / b` scaled the same way.
public struct BreakdownComparison: Sendable, Hashable {
    public var dimensions: [BreakdownDimension]
    public var window: Range<Timestamp>
    public var baselineWindow: Range<Timestamp>
    /// Sorted by change (see the type's documentation); at most the limit asked for.
    public var rows: [BreakdownComparisonRow]
    /// Every matched event in the window.
    public var windowTotal: BreakdownCount
    /// Every matched event in the baseline.
    public var baselineTotal: BreakdownCount
    /// How many groups either window had (``rows`` may hold fewer).
    public var groupCount: Int

    public init(
        dimensions: [BreakdownDimension], window: Range<Timestamp>, baselineWindow: Range<Timestamp>,
        rows: [BreakdownComparisonRow], windowTotal: BreakdownCount, baselineTotal: BreakdownCount, groupCount: Int
    ) {
        self.dimensions = dimensions
        self.window = window
        self.baselineWindow = baselineWindow
        self.rows = rows
        self.windowTotal = windowTotal
        self.baselineTotal = baselineTotal
        self.groupCount = groupCount
    }

    /// The comparison of two sets of group counts, sorted by change and cut to `limit`.
    public init(
        dimensions: [BreakdownDimension], window: Range<Timestamp>, baselineWindow: Range<Timestamp>,
        windowCounts: [BreakdownKey: BreakdownCount], baselineCounts: [BreakdownKey: BreakdownCount], limit: Int
    ) {
        let windowLength = Double(max(1, Self.length(window)))
        let baselineLength = Double(max(1, Self.length(baselineWindow)))
        // The window's rate over the baseline's for the same counts.
        let scale = baselineLength / windowLength
        var keys = Array(windowCounts.keys)
        for key in baselineCounts.keys where windowCounts[key] == nil { keys.append(key) }
        var ranked: [(row: BreakdownComparisonRow, tier: Int, rise: Double)] = keys.map { key in
            let inWindow = windowCounts[key] ?? BreakdownCount()
            let inBaseline = baselineCounts[key] ?? BreakdownCount()
            let ratio = inBaseline.events == 0 ? nil : Double(inWindow.events) / Double(inBaseline.events) * scale
            let row = BreakdownComparisonRow(key: key, window: inWindow, baseline: inBaseline, rateRatio: ratio)
            let tier = row.isNew ? 0 : (row.isGone ? 2 : 1)
            let rise = Double(inWindow.events + 1) / Double(inBaseline.events + 1) * scale
            return (row, tier, rise)
        }
        ranked.sort { lhs, rhs in
            if lhs.tier != rhs.tier { return lhs.tier < rhs.tier }
            if lhs.tier == 1, lhs.rise != rhs.rise { return lhs.rise > rhs.rise }
            let (left, right) = lhs.tier == 2 ? (lhs.row.baseline.events, rhs.row.baseline.events) : (lhs.row.window.events, rhs.row.window.events)
            if left != right { return left > right }
            return lhs.row.key.labels.lexicographicallyPrecedes(rhs.row.key.labels)
        }
        self.init(
            dimensions: dimensions, window: window, baselineWindow: baselineWindow,
            rows: ranked.prefix(max(0, limit)).map(\.row),
            windowTotal: windowCounts.values.reduce(BreakdownCount(), +),
            baselineTotal: baselineCounts.values.reduce(BreakdownCount(), +),
            groupCount: keys.count)
    }

    /// The baseline used when none is given: the window of equal length just before `window`.
    public static func defaultBaseline(before window: Range<Timestamp>) -> Range<Timestamp> {
        let length = length(window)
        let (start, overflow) = window.lowerBound.nanoseconds.subtractingReportingOverflow(length)
        return Timestamp(nanoseconds: overflow ? Int64.min : start)..<window.lowerBound
    }

    /// A window's length in nanoseconds (saturating).
    static func length(_ window: Range<Timestamp>) -> Int64 {
        let (length, overflow) = window.upperBound.nanoseconds.subtractingReportingOverflow(window.lowerBound.nanoseconds)
        return overflow ? Int64.max : length
    }
}

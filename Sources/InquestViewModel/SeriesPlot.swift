import InquestCore

/// The dots of a ``SeriesChart``: a grid of `columns × 2` by `rows × 4` dots over the time
/// range `[lower, upper)` and the values `low...high`, with each column's kind (data, gap,
/// marked). Every loop is bounded by the number of samples times the plot's size.
struct SeriesPlot {
    /// What a column of the plot covers.
    enum ColumnKind: Hashable {
        case data
        /// Its whole time slice lies in a gap.
        case gap
        /// Its time slice meets the marked range.
        case marked
    }

    let columns: Int
    let rows: Int
    /// `dots[y][x]`, y from the top.
    private(set) var dots: [[Bool]]
    /// One kind per column.
    private(set) var columnKinds: [ColumnKind]

    /// A gap is more than this many usual intervals without a sample.
    static let gapFactor = 2.5

    init(
        samples: [StoredSample], lower: Int64, upper: Int64, marked: ClosedRange<Timestamp>?, columns: Int, rows: Int,
        low: Double, high: Double
    ) {
        self.columns = columns
        self.rows = rows
        let width = columns * 2
        let height = rows * 4
        dots = Array(repeating: Array(repeating: false, count: width), count: height)
        columnKinds = Array(repeating: .data, count: columns)
        let span = Double(upper - lower)
        func x(_ time: Int64) -> Int { min(width - 1, max(0, Int(Double(time - lower) / span * Double(width)))) }
        func y(_ value: Double) -> Int {
            guard high > low else { return height / 2 }
            let fromBottom = Int(((value - low) / (high - low) * Double(height - 1)).rounded())
            return height - 1 - min(height - 1, max(0, fromBottom))
        }
        let gaps = Self.gaps(samples: samples, lower: lower, upper: upper)
        // A gap between two values starts at the first one's time (sample times are unique).
        let gapStarts = Set(gaps.map(\.lowerBound))
        var previous: (x: Int, y: Int, time: Int64)?
        for sample in samples {
            guard sample.value.isFinite else {
                previous = nil
                continue
            }
            let point = (x: x(sample.timestamp.nanoseconds), y: y(sample.value), time: sample.timestamp.nanoseconds)
            if let from = previous, !gapStarts.contains(from.time) {
                line(from: (from.x, from.y), to: (point.x, point.y))
            } else {
                dots[point.y][point.x] = true
            }
            previous = point
        }
        columnKinds = (0..<columns).map { column in
            let start = lower + Int64(span * Double(column) / Double(columns))
            let end = lower + Int64(span * Double(column + 1) / Double(columns))
            if let marked, marked.lowerBound.nanoseconds < end, marked.upperBound.nanoseconds >= start { return .marked }
            if gaps.contains(where: { $0.lowerBound <= start && end <= $0.upperBound }) { return .gap }
            return .data
        }
    }

    /// The braille character of a cell (a space when none of its dots is set).
    func cell(row: Int, column: Int) -> Character {
        // Dot bits of a braille cell by (dot row, dot column), Unicode's numbering.
        let bits: [[UInt32]] = [[0x01, 0x08], [0x02, 0x10], [0x04, 0x20], [0x40, 0x80]]
        var value: UInt32 = 0
        for dy in 0..<4 {
            for dx in 0..<2 where dots[row * 4 + dy][column * 2 + dx] { value |= bits[dy][dx] }
        }
        guard value != 0, let scalar = Unicode.Scalar(0x2800 + value) else { return " " }
        return Character(scalar)
    }

    /// Sets the dots of a line, stepping one dot column at a time and filling each step's
    /// vertical run, so steep lines stay connected.
    private mutating func line(from: (x: Int, y: Int), to: (x: Int, y: Int)) {
        let steps = max(1, to.x - from.x)
        var lastY = from.y
        for step in 0...steps {
            let x = from.x + (to.x - from.x) * step / steps
            let y = from.y + Int((Double(to.y - from.y) * Double(step) / Double(steps)).rounded())
            for fill in min(lastY, y)...max(lastY, y) { dots[fill][x] = true }
            lastY = y
        }
    }

    /// The stretches of `[lower, upper)` without data, as ranges of nanoseconds between the
    /// samples around them: a `NaN` between two values; more than ``gapFactor`` times the median
    /// interval between values; the range's ends before the first and after the last value
    /// when that long.
    static func gaps(samples: [StoredSample], lower: Int64, upper: Int64) -> [ClosedRange<Int64>] {
        var values: [(time: Int64, gapBefore: Bool)] = []
        var sawGap = false
        for sample in samples {
            if sample.value.isFinite {
                values.append((sample.timestamp.nanoseconds, sawGap))
                sawGap = false
            } else {
                sawGap = true
            }
        }
        guard let first = values.first, let last = values.last else { return [lower...upper] }
        let intervals = zip(values, values.dropFirst()).map { $1.time - $0.time }.sorted()
        let threshold: Int64? = intervals.isEmpty ? nil : Int64(Double(intervals[intervals.count / 2]) * gapFactor)
        var gaps: [ClosedRange<Int64>] = []
        if let threshold, first.time - lower > threshold { gaps.append(lower...first.time) }
        for (before, after) in zip(values, values.dropFirst()) {
            if after.gapBefore || threshold.map({ after.time - before.time > $0 }) == true {
                gaps.append(before.time...after.time)
            }
        }
        if let threshold, upper - last.time > threshold { gaps.append(last.time...upper) }
        return gaps
    }
}

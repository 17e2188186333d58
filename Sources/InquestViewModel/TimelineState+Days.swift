import InquestCore

extension TimelineState {
    /// The day (days since 1970-01-01) an event's time falls on as the timeline shows it: in
    /// the local zone in `local` mode, else UTC. Shifted in seconds so that times near the ends
    /// of the range cannot overflow.
    public static func day(of time: Timestamp, mode: TimeDisplayMode, offsetSeconds: Int64) -> Int64 {
        var seconds = time.nanoseconds / 1_000_000_000
        if time.nanoseconds % 1_000_000_000 < 0 { seconds -= 1 }
        if mode == .local { seconds += offsetSeconds }
        let days = seconds / 86_400
        return seconds % 86_400 < 0 ? days - 1 : days
    }

    /// The day row `index` is shown on; nil for events whose time is unknown.
    public func day(at index: Int, offsetSeconds: Int64) -> Int64? {
        guard rows.indices.contains(index), !rows[index].isTimeUnknown else { return nil }
        return Self.day(of: rows[index].timestamp, mode: timeMode, offsetSeconds: offsetSeconds)
    }

    /// True when a date separator row is drawn above `rows[index]`: its day differs from the
    /// row before it (both times known); above the first row when the window holds more than
    /// one day (rows are in time order, so its first and last rows tell).
    public func startsNewDay(at index: Int, offsetSeconds: Int64) -> Bool {
        guard let day = day(at: index, offsetSeconds: offsetSeconds) else { return false }
        guard index > 0 else {
            guard let last = rows.lastIndex(where: { !$0.isTimeUnknown }) else { return false }
            return self.day(at: last, offsetSeconds: offsetSeconds) != day
        }
        guard let previous = self.day(at: index - 1, offsetSeconds: offsetSeconds) else { return false }
        return day != previous
    }

    /// Screen lines that rows `first...last` take, their date separators included.
    public func linesUsed(from first: Int, through last: Int, offsetSeconds: Int64) -> Int {
        guard first <= last else { return 0 }
        var lines = 0
        for index in first...last {
            lines += startsNewDay(at: index, offsetSeconds: offsetSeconds) ? 2 : 1
        }
        return lines
    }
}

extension TimelineState {
    /// The row drawn on event line `line` of the pane (0 is the first line under the density
    /// strip and axis), date separators counted as the renderer draws them from ``top``; nil
    /// for a separator line or a line past the rows.
    public func rowIndex(atLine line: Int, offsetSeconds: Int64) -> Int? {
        guard line >= 0 else { return nil }
        var y = 0
        var index = max(0, top)
        while index < rows.count, y <= line {
            if startsNewDay(at: index, offsetSeconds: offsetSeconds) {
                if y == line { return nil }
                y += 1
            }
            if y == line { return index }
            y += 1
            index += 1
        }
        return nil
    }
}

import InquestCore
import Testing
@testable import InquestViewModel

/// Issue 17 item 11: the time axis under the density strip.
@Suite struct TimeAxisTests {
    static let start = Timestamp(seconds: 1_795_000_000)  // 2026-11-18T11:06:40Z

    func axis(from: Timestamp, seconds: Int64, columns: Int, mode: TimeDisplayMode = .utc, offset: Int64 = 0) -> TimeAxis {
        TimeAxis(from: from, to: from.advanced(saturating: seconds * 1_000_000_000), columns: columns, mode: mode, offsetSeconds: offset)
    }

    /// Labels fit the width, never touch, and each sits in the column of its time's bucket.
    func checkPlacement(_ axis: TimeAxis, columns: Int) {
        var nextFree = 0
        for tick in axis.ticks {
            #expect(tick.column >= nextFree, "\(axis.ticks)")
            #expect(tick.column + tick.label.count <= columns, "\(axis.ticks)")
            nextFree = tick.column + tick.label.count + 1
        }
    }

    @Test func twoHoursOverEightyColumnsAreLabelledEveryFifteenMinutes() {
        let axis = axis(from: Self.start, seconds: 7_200, columns: 78)
        #expect(axis.ticks.map(\.label) == ["11:15", "11:30", "11:45", "12:00", "12:15", "12:30", "12:45", "13:00"])
        // 11:15 is 500 s after 11:06:40: 500/7200 of 78 columns.
        #expect(axis.ticks.first?.column == 5)
        checkPlacement(axis, columns: 78)
    }

    @Test func aNarrowStripTakesAWiderStep() {
        let axis = axis(from: Self.start, seconds: 7_200, columns: 30)
        // 13:00 would end past the right edge.
        #expect(axis.ticks.map(\.label) == ["11:30", "12:00", "12:30"])
        checkPlacement(axis, columns: 30)
    }

    @Test func secondsGetSecondsAndLocalTimeIsShifted() {
        let short = axis(from: Self.start, seconds: 60, columns: 100)
        #expect(short.ticks.first?.label == "11:06:40", "a tick at the strip's first instant")
        let fractional = axis(from: Self.start.advanced(saturating: 123_000_000), seconds: 60, columns: 100)
        #expect(fractional.ticks.first?.label == "11:06:50", "never a tick before the strip's start")
        checkPlacement(short, columns: 100)
        let local = axis(from: Self.start, seconds: 7_200, columns: 78, mode: .local, offset: 3_600)
        #expect(local.ticks.first?.label == "12:15")
    }

    @Test func aRangeOfDaysMarksEachMidnightWithItsDate() {
        let hours = axis(from: Self.start, seconds: 2 * 86_400, columns: 118)
        #expect(hours.ticks.map(\.label).contains("11-19"))
        #expect(hours.ticks.map(\.label).contains("11-20"))
        #expect(hours.ticks.map(\.label).contains { $0.contains(":") }, "hours between the days: \(hours.ticks)")
        checkPlacement(hours, columns: 118)
        let days = axis(from: Self.start, seconds: 20 * 86_400, columns: 78)
        #expect(days.ticks.allSatisfy { $0.label.count == 5 && !$0.label.contains(":") }, "\(days.ticks)")
        checkPlacement(days, columns: 78)
    }

    @Test func yearsAndCenturies() {
        let years = axis(from: Self.start, seconds: 10 * 365 * 86_400, columns: 78)
        #expect(years.ticks.first?.label == "2027")
        checkPlacement(years, columns: 78)
        // 1700 to 2026: wider than Int64 nanoseconds reach as a difference.
        let old = Timestamp(nanoseconds: Int64.min / 2 - 3_000_000_000_000_000_000)
        let centuries = TimeAxis(from: old, to: Self.start, columns: 78, mode: .utc, offsetSeconds: 0)
        #expect(!centuries.ticks.isEmpty)
        checkPlacement(centuries, columns: 78)
    }

    @Test func nothingForAnEmptyRangeOrStrip() {
        #expect(TimeAxis(from: Self.start, to: Self.start, columns: 80, mode: .utc, offsetSeconds: 0).ticks.isEmpty)
        #expect(axis(from: Self.start, seconds: 60, columns: 0).ticks.isEmpty)
        #expect(axis(from: Self.start, seconds: 60, columns: 3).ticks.isEmpty, "no label fits")
    }
}

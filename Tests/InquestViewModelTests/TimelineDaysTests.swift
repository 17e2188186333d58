import InquestCore
import Testing
@testable import InquestViewModel

/// Issue 17 item 4: days as the timeline shows them, and scrolling that counts the date
/// separator rows so the cursor never hides below them.
@Suite struct TimelineDaysTests {
    static let day: Int64 = 86_400_000_000_000

    /// Rows 1...n, `perDay` events to a day starting at midnight UTC of 2026-11-18.
    static func rows(_ count: Int64, perDay: Int64) -> [EventSummary] {
        let midnight = Timestamp(seconds: 20_775 * 86_400)
        return (1...count).map { id in
            var row = Fixtures.row(id)
            row.timestamp = midnight.advanced(saturating: ((id - 1) / perDay) * day + id * 1_000_000_000)
            return row
        }
    }

    @Test func daysFollowTheDisplayedZone() {
        let lateEvening = Timestamp(seconds: 20_775 * 86_400 + 23 * 3_600 + 30 * 60) // 23:30 UTC
        #expect(TimelineState.day(of: lateEvening, mode: .utc, offsetSeconds: 3_600) == 20_775)
        #expect(TimelineState.day(of: lateEvening, mode: .local, offsetSeconds: 3_600) == 20_776)
        #expect(TimelineState.day(of: Timestamp(nanoseconds: -1), mode: .utc, offsetSeconds: 0) == -1)
    }

    @Test func aSeparatorGoesWhereTheDayChangesAndAtTheTopOfAWindowOfSeveralDays() {
        let timeline = TimelineState(rows: Self.rows(6, perDay: 3))
        #expect((0..<6).map { timeline.startsNewDay(at: $0, offsetSeconds: 0) } == [true, false, false, true, false, false])
        let oneDay = TimelineState(rows: Self.rows(3, perDay: 3))
        #expect((0..<3).map { oneDay.startsNewDay(at: $0, offsetSeconds: 0) } == [false, false, false])
        #expect(timeline.linesUsed(from: 1, through: 4, offsetSeconds: 0) == 5)
    }

    @Test func movingDownScrollsEarlierWhenSeparatorsTakeLines() {
        // Given a timeline of one event a day (every row has a separator above it)
        var state = CanvasState(width: 80, height: 24)
        let page = state.timelinePageSize
        state.timeline = TimelineState(rows: Self.rows(40, perDay: 1), cursorID: 1, top: 0, reachedStart: true, reachedEnd: true, isLoading: false)

        // When the cursor moves down a few rows
        for _ in 0..<(page / 2 + 1) { _ = state.press(.character("j")) }

        // Then the rows from the top through the cursor, separators included, fit the page
        let index = state.timeline.cursorIndex ?? -1
        #expect(index == page / 2 + 1)
        #expect(state.timeline.linesUsed(from: state.timeline.top, through: index, offsetSeconds: state.localOffsetSeconds) <= page)
        #expect(state.timeline.top > 0, "without separators this cursor would fit from the top")
    }
}

import InquestCore
@testable import InquestRender
import InquestViewModel
import Testing

/// The status line of a canvas on a team database: offline with what waits, or quietly online.
@Suite struct TeamStatusLineTests {
    func lastLine(_ team: TeamLinkState?) -> String {
        var state = SnapshotFixture.state(width: 120, height: 40)
        state.team = team
        let text = Snapshot.text(of: CanvasRenderer.render(state, width: 120, height: 40))
        // The status line is the screen's last row (the text grid comes before the role grid).
        return String(text.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(39).first ?? "")
    }

    @Test func offlineSaysHowManyChangesWait() {
        #expect(lastLine(TeamLinkState(isOnline: false, pending: 3, reason: "connection refused")).contains("team offline, 3 pending · "))
    }

    @Test func onlineItSaysTeamOrWhatItIsStillSending() {
        #expect(lastLine(TeamLinkState(isOnline: true, pending: 0)).contains("team · "))
        #expect(lastLine(TeamLinkState(isOnline: true, pending: 2)).contains("team sending 2 · "))
    }

    @Test func withoutATeamDatabaseNothingIsShown() {
        #expect(!lastLine(nil).contains("team"))
    }

    @Test func offlineIsDrawnInTheErrorRole() {
        var state = SnapshotFixture.state(width: 120, height: 40)
        state.team = TeamLinkState(isOnline: false, pending: 1)
        let buffer = CanvasRenderer.render(state, width: 120, height: 40)
        let text = Snapshot.text(of: buffer)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let y = lines.lastIndex(where: { $0.contains("team offline") }), let column = lines[y].range(of: "team offline").map({ lines[y].distance(from: lines[y].startIndex, to: $0.lowerBound) }) else {
            Issue.record("no team text")
            return
        }
        #expect(buffer[column, y].role == StyleRole.statusbarError)
    }
}

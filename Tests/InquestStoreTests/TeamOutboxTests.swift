import Foundation
import InquestCore
import InquestStore
import Testing

@Suite struct TeamOutboxTests {
    @Test func changesWaitInTheOrderTheyWereMadeAndLeaveOnceSent() throws {
        // Given three changes for one team and one for another
        let store = try InquestStore.inMemory()
        for n in 1...3 {
            try store.enqueueTeamChange(changeID: "change-\(n)", team: "team-a", payload: Data("payload \(n)".utf8))
        }
        try store.enqueueTeamChange(changeID: "other", team: "team-b", payload: Data("other".utf8))

        // Then team-a's wait in order, apart from team-b's
        let pending = try store.pendingTeamChanges(team: "team-a")
        #expect(pending.map(\.changeID) == ["change-1", "change-2", "change-3"])
        #expect(pending.map { String(decoding: $0.payload, as: UTF8.self) } == ["payload 1", "payload 2", "payload 3"])
        #expect(try store.pendingTeamChangeCount(team: "team-b") == 1)

        // When the first is sent
        try store.removeTeamChange(seq: pending[0].seq)
        #expect(try store.pendingTeamChanges(team: "team-a").map(\.changeID) == ["change-2", "change-3"])
    }

    @Test func enqueuingAChangeTwiceKeepsOne() throws {
        let store = try InquestStore.inMemory()
        let first = try store.enqueueTeamChange(changeID: "same", team: "t", payload: Data("first".utf8))
        let second = try store.enqueueTeamChange(changeID: "same", team: "t", payload: Data("second".utf8))
        #expect(first == second)
        #expect(try store.pendingTeamChangeCount(team: "t") == 1)
    }

    @Test func aFailedAttemptKeepsTheChangeFirstAndARefusedOneIsSetAsideNotLost() throws {
        let store = try InquestStore.inMemory()
        try store.enqueueTeamChange(changeID: "a", team: "t", payload: Data())
        try store.enqueueTeamChange(changeID: "b", team: "t", payload: Data())
        let a = try #require(try store.pendingTeamChanges(team: "t").first)

        try store.recordTeamChangeFailure(seq: a.seq, reason: "connection refused")
        let retried = try #require(try store.pendingTeamChanges(team: "t").first)
        #expect(retried.changeID == "a" && retried.attempts == 1 && retried.lastError == "connection refused")

        try store.refuseTeamChange(seq: a.seq, reason: "note 9 does not exist")
        #expect(try store.pendingTeamChanges(team: "t").map(\.changeID) == ["b"])
        #expect(try store.refusedTeamChanges(team: "t").map(\.changeID) == ["a"])
    }

    @Test func theOutboxSurvivesReopeningTheStoreFile() throws {
        let directory = try StoreFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = (directory as NSString).appendingPathComponent("local.db")
        do {
            let store = try InquestStore.open(path: path)
            try store.enqueueTeamChange(changeID: "kept", team: "t", payload: Data("typed offline".utf8))
        }
        let reopened = try InquestStore.open(path: path)
        #expect(try reopened.pendingTeamChanges(team: "t").map(\.changeID) == ["kept"])
    }
}

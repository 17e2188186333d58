import Foundation
import InquestCore
import InquestStore
import Testing
@testable import InquestWatch

@Suite struct FileFollowerTests {
    @Test func storesCompleteLinesAndWaitsForThePartialOne() throws {
        let fixture = try FollowFixture()
        try fixture.append("one\ntwo\nthr")
        let follower = try fixture.follower()

        _ = try follower.poll(fixture.context)
        #expect(try fixture.storedLines() == ["one", "two"])
        #expect(try fixture.position(follower)?.offset == 8)
        #expect(try fixture.position(follower)?.line == 2)

        try fixture.append("ee\n")
        _ = try follower.poll(fixture.context)
        #expect(try fixture.storedLines() == ["one", "two", "three"])
        #expect(try fixture.position(follower)?.offset == 14)
    }

    @Test func restartResumesAtTheCheckpointWithoutRereadingOrSkipping() throws {
        let fixture = try FollowFixture()
        try fixture.append("a\nb\npart")
        let first = try fixture.follower()
        _ = try first.poll(fixture.context)
        first.close()

        // The watcher died; lines were appended meanwhile (completing the partial one).
        try fixture.append("ial\nc\n")
        let second = try fixture.follower()
        _ = try second.poll(fixture.context)

        #expect(try fixture.storedLines() == ["a", "b", "partial", "c"])
        #expect(try fixture.store.stats().totalEvents == 4)
    }

    @Test func rotationByRenameFinishesTheOldFileThenReadsTheNewOne() throws {
        let fixture = try FollowFixture()
        try fixture.append("old 1\nold 2\n")
        let follower = try fixture.follower()
        _ = try follower.poll(fixture.context)

        // The writer appends once more, then the file is rotated and a new one started.
        try fixture.append("old 3\n")
        try fixture.rename(to: "app.log.1")
        try fixture.append("new 1\n")
        try fixture.append("old 4 (late write to the renamed file)\n", to: fixture.directory.appendingPathComponent("app.log.1").path)
        for _ in 0..<5 { _ = try follower.poll(fixture.context) }
        try fixture.append("new 2\n")
        _ = try follower.poll(fixture.context)

        #expect(try fixture.storedLines() == ["old 1", "old 2", "old 3", "old 4 (late write to the renamed file)", "new 1", "new 2"])
    }

    @Test func rotationWhileTheWatcherWasDownIsFinishedFromTheRenamedFile() throws {
        let fixture = try FollowFixture()
        try fixture.append("old 1\n")
        let first = try fixture.follower()
        _ = try first.poll(fixture.context)
        first.close()

        try fixture.append("old 2\n")
        try fixture.rename(to: "app.log.1")
        try fixture.append("new 1\n")
        let second = try fixture.follower()
        for _ in 0..<4 { _ = try second.poll(fixture.context) }

        #expect(try fixture.storedLines() == ["old 1", "old 2", "new 1"])
    }

    @Test func truncationStartsOverAndKeepsRepeatedLinesApart() throws {
        let fixture = try FollowFixture()
        try fixture.append("same\nline two\n")
        let follower = try fixture.follower()
        _ = try follower.poll(fixture.context)

        try fixture.truncate()
        try fixture.append("same\n")
        _ = try follower.poll(fixture.context)

        // The re-written "same" at offset 0 is a new record, not a duplicate of the first one.
        #expect(try fixture.storedLines() == ["same", "line two", "same"])
        #expect(try fixture.position(follower)?.generation == 1)
    }

    @Test func log4jRecordsFoldAcrossPollsAndRestarts() throws {
        let fixture = try FollowFixture(format: .log4j)
        try fixture.append("2026-11-20 10:15:03,123 ERROR [main] c.e.Pay - boom\njava.lang.IllegalStateException: x\n")
        let first = try fixture.follower()
        _ = try first.poll(fixture.context)
        // The record may still get continuation lines: nothing stored, the checkpoint stays at its start.
        #expect(try fixture.storedLines().isEmpty)
        #expect(try fixture.position(first)?.offset ?? 0 == 0)
        first.close()

        try fixture.append("\tat com.example.Pay.run(Pay.java:1)\n2026-11-20 10:15:04,500 INFO [main] c.e.Pay - recovered\n")
        let second = try fixture.follower()
        _ = try second.poll(fixture.context)
        let lines = try fixture.storedLines()
        #expect(lines.count == 1)
        #expect(lines.first?.split(separator: "\n").count == 3)

        // The last record is stored once the file stays quiet for the idle-flush interval.
        fixture.clock.advance(by: .seconds(2))
        _ = try second.poll(fixture.context)
        #expect(try fixture.storedLines().last == "2026-11-20 10:15:04,500 INFO [main] c.e.Pay - recovered")
    }

    @Test func unparseableLinesBecomeDeadLettersWithFileAndLine() throws {
        let fixture = try FollowFixture(format: .json)
        try fixture.append("{\"msg\":\"ok\",\"level\":\"info\"}\n{\"msg\": nope}\n")
        let follower = try fixture.follower()
        _ = try follower.poll(fixture.context)

        let letters = try fixture.store.deadLetters()
        #expect(try fixture.storedLines().count == 1)
        #expect(letters.map(\.location) == ["\(fixture.path):2"])
        #expect(fixture.context.progress.deadLetters == 1)
    }

    @Test func fileCreatedAfterStartIsPickedUp() throws {
        let fixture = try FollowFixture()
        let follower = try fixture.follower()
        #expect(try follower.poll(fixture.context) == 0)
        try fixture.append("late\n")
        _ = try follower.poll(fixture.context)
        #expect(try fixture.storedLines() == ["late"])
    }
}

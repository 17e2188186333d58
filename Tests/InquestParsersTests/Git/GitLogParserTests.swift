import Foundation
import InquestCore
import Testing
@testable import InquestParsers

struct GitLogParserTests {
    private let options = GitParseOptions(sourceName: "repo", sourceIdentity: "/repo#log")

    @Test func readsCommitWithMixedOffsetsBinaryAndRenameNumstat() throws {
        let parsed = GitLogParser.parse(GitLogFixtures.plain, options: options)
        #expect(parsed.errors.isEmpty)
        let commit = try #require(parsed.commits.first)
        #expect(commit.sha == "1111111111111111111111111111111111111111")
        #expect(commit.parents == ["2222222222222222222222222222222222222222"])
        #expect(!commit.isMerge)
        #expect(commit.author == GitPerson(name: "José Müller", email: "jose@example.com"))
        #expect(commit.authorDate == Timestamp(seconds: 1_772_384_400))  // 17:00Z
        #expect(commit.commitDate == Timestamp(seconds: 1_772_409_600))  // 00:00Z
        #expect(commit.commitDateText == "2026-03-02T09:00:00+09:00")
        #expect(commit.subject == "Fix race in scraper (#12)")
        #expect(commit.body == "The scraper raced the flusher.\n\nSigned-off-by: José Müller <jose@example.com>")
        #expect(commit.files == [
            GitFileChange(path: "collector/scrape.go", added: 10, deleted: 2),
            GitFileChange(path: "assets/logo.png", added: nil, deleted: nil),
            GitFileChange(path: "collector/{old.go => new.go}", added: 0, deleted: 0),
        ])
        #expect(commit.files[1].isBinary)
        #expect(commit.linesAdded == 10)
        let raw = String(decoding: commit.raw, as: UTF8.self)
        #expect(raw.hasPrefix("commit 1111"))
        #expect(raw.hasSuffix("collector/{old.go => new.go}"))
    }

    @Test func commitEventCarriesAuthorFilesAndTotals() throws {
        let event = try #require(GitLogParser.events(GitLogFixtures.plain, options: options).events.first)
        #expect(event.sourceKind == .change)
        #expect(event.severity == .info)
        #expect(event.message == "Fix race in scraper (#12)")
        #expect(event.timestampText == "2026-03-02T09:00:00+09:00")
        let attributes = CICorpus.attributes(event)
        // Keyed by the commit id, so re-reading a grown history does not store it again.
        #expect(event.dedupeKey == DedupeKey(source: "/repo#log", raw: Array("commit \(attributes["sha"] as? String ?? "")".utf8), offset: 0))
        #expect(attributes["author"] as? String == "José Müller")
        #expect(attributes["merge"] as? Bool == false)
        #expect(attributes["files_total"] as? Int == 3)
        #expect(attributes["lines_deleted"] as? Int == 2)
        let files = attributes["files"] as? [[String: Any]]
        #expect(files?[1]["binary"] as? Bool == true)
        #expect(attributes["deploy"] == nil)
    }

    @Test func mergeHasTwoParentsAndSecondRecordOffset() throws {
        let text = GitLogFixtures.plain + GitLogFixtures.merge
        let parsed = GitLogParser.parse(text, options: options)
        #expect(parsed.errors.isEmpty)
        #expect(parsed.commits.count == 2)
        let merge = parsed.commits[1]
        #expect(merge.isMerge)
        #expect(merge.parents.count == 2)
        #expect(merge.files.isEmpty)
        #expect(merge.offset == GitLogFixtures.plain.utf8.count)
        #expect(merge.line == GitLogFixtures.plain.split(separator: "\n", omittingEmptySubsequences: false).count)
        #expect(merge.commitDate == Timestamp(seconds: 1_772_539_200))
    }

    @Test func subjectPatternMarksDeployCommits() throws {
        let rule = try GitDeployRule(tagPattern: nil, subjectPattern: "^Merge pull request")
        let events = GitLogParser.events(GitLogFixtures.plain + GitLogFixtures.merge,
            options: GitParseOptions(sourceName: "repo", deployRule: rule)).events
        #expect(CICorpus.attributes(events[0])["deploy"] == nil)
        #expect(CICorpus.attributes(events[1])["deploy"] as? Bool == true)
    }

    @Test func invalidDeployPatternIsRejected() {
        #expect(throws: (any Error).self) { try GitDeployRule(tagPattern: "(", subjectPattern: nil) }
    }

    @Test func badRecordIsSkippedWithLineAndOthersKept() {
        let broken = GitLogFixtures.plain.replacingOccurrences(of: "AuthorDate: 2026-03-01T10:00:00-07:00", with: "AuthorDate: yesterday")
        let parsed = GitLogParser.parse(broken + GitLogFixtures.merge, options: options)
        #expect(parsed.commits.count == 1)
        #expect(parsed.errors == [LocatedCIError(error: .invalidDate(line: 3, field: "AuthorDate", text: "yesterday"), offset: 0)])
    }

    @Test func strayTextBeforeFirstCommitIsReported() {
        let parsed = GitLogParser.parse("warning: something\n" + GitLogFixtures.merge, options: options)
        #expect(parsed.commits.count == 1)
        #expect(parsed.errors.first?.error == .malformedGitRecord(line: 1, expected: "a 'commit <sha> <parents>' line", found: "warning: something"))
    }

    @Test func truncatedLogNeverCrashesAndKeepsWholeRecords() {
        let text = GitLogFixtures.plain + GitLogFixtures.merge
        let bytes = Array(text.utf8)
        for cut in 0..<bytes.count {
            let parsed = GitLogParser.parse(String(decoding: bytes[0..<cut], as: UTF8.self), options: options)
            #expect(parsed.commits.count <= 2)
            for commit in parsed.commits { #expect(!commit.sha.isEmpty) }
        }
    }

    @Test func corruptedBytesNeverCrash() {
        let original = Array((GitLogFixtures.plain + GitLogFixtures.merge).utf8)
        var generator = CIFuzzGenerator(seed: 7)
        for round in 0..<1000 {
            var bytes = original
            for _ in 0...(round % 6) {
                let position = Int(generator.next() % UInt64(bytes.count))
                bytes[position] = UInt8(truncatingIfNeeded: generator.next())
            }
            let parsed = GitLogParser.parse(String(decoding: bytes, as: UTF8.self), options: options)
            #expect(parsed.commits.count + parsed.errors.count >= 1)
            _ = GitTagParser.parse(String(decoding: bytes, as: UTF8.self), options: options)
        }
    }
}

import Foundation
import InquestCore
import Testing
@testable import InquestParsers

struct GitTagParserTests {
    private let tags = """
        v1.8.0\ttag\taaaa000000000000000000000000000000000001\tbbbb000000000000000000000000000000000002\t2024-05-01T10:00:00-04:00\tBen Kochie\tv1.8.0
        0.8.1\tcommit\tcccc000000000000000000000000000000000003\t\t2015-05-05T13:28:50+02:00\t\tBump version
        broken line
        """

    @Test func annotatedVersionTagIsReleaseAndDeploy() throws {
        let result = GitTagParser.events(tags, options: GitParseOptions(sourceName: "repo"))
        #expect(result.events.count == 2)
        let release = result.events[0]
        #expect(release.sourceKind == .change)
        #expect(release.message == "release v1.8.0 tagged by Ben Kochie")
        #expect(release.timestamp == Timestamp(seconds: 1_714_572_000))
        #expect(release.timestampText == "2024-05-01T10:00:00-04:00")
        let attributes = CICorpus.attributes(release)
        #expect(attributes["commit"] as? String == "bbbb000000000000000000000000000000000002")
        #expect(attributes["deploy"] as? Bool == true)
        #expect(attributes["annotated"] as? Bool == true)
    }

    @Test func lightweightTagPointsAtItsObjectAndIsNoDeployByDefault() throws {
        let event = GitTagParser.events(tags, options: GitParseOptions(sourceName: "repo")).events[1]
        #expect(event.message == "release 0.8.1 (lightweight tag)")
        let attributes = CICorpus.attributes(event)
        #expect(attributes["commit"] as? String == "cccc000000000000000000000000000000000003")
        #expect(attributes["deploy"] == nil)
    }

    @Test func shortLineIsReportedWithItsLine() {
        let errors = GitTagParser.parse(tags, options: GitParseOptions(sourceName: "repo")).errors
        #expect(errors.map(\.error) == [.malformedTagLine(line: 3, fields: 1)])
    }
}

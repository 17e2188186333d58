import Foundation
import InquestTestSupport
import InquestCore
import Testing
@testable import InquestParsers

/// Runs the exported node_exporter history in `../shared/corpora/git-history` (skipped when absent).
struct GitCorpusTests {
    private static let directory = "git-history/prometheus-node_exporter/"

    @Test(.enabled(if: CICorpus.root != nil, SharedCorpus.skipReason)) func nodeExporterLogParsesEveryCommit() throws {
        let data = try #require(CICorpus.data(Self.directory + "git-log-fuller-numstat_since-2024-01-01.txt"))
        let text = String(decoding: data, as: UTF8.self)
        let options = GitParseOptions(sourceName: "node_exporter")
        let parsed = GitLogParser.parse(text, options: options)
        // Independently: grep -c '^commit ' → 426; three shas on the commit line → 1 merge.
        #expect(parsed.errors.isEmpty)
        #expect(parsed.commits.count == 426)
        #expect(parsed.commits.filter(\.isMerge).count == 1)
        #expect(parsed.commits.first?.sha == "a7dcc3a01545180d4f2087db70994cbc3abfed13")
        #expect(parsed.commits.first?.subject == "Update common Prometheus files (#3786)")
        #expect(parsed.commits.contains { $0.author.name == "Danilo Egêa Gondolfo" })
        #expect(parsed.commits.contains { $0.authorDateText.hasSuffix("-07:00") })
        #expect(parsed.commits.contains { $0.authorDateText.hasSuffix("+09:00") })
        let events = GitLogParser.events(text, options: options).events
        #expect(Set(events.map(\.dedupeKey)).count == 426)
        #expect(events.allSatisfy { $0.sourceKind == .change && !$0.message.isEmpty })
        let rawTotal = parsed.commits.reduce(0) { $0 + $1.raw.count }
        #expect(rawTotal <= data.count && rawTotal > data.count * 9 / 10)
    }

    @Test(.enabled(if: CICorpus.root != nil, SharedCorpus.skipReason)) func nodeExporterTagsAreReleases() throws {
        let data = try #require(CICorpus.data(Self.directory + "tags.tsv"))
        let result = GitTagParser.events(String(decoding: data, as: UTF8.self), options: GitParseOptions(sourceName: "node_exporter"))
        // Independently: wc -l → 62 lines; cut -f2 → 49 tag, 13 commit.
        #expect(result.errors.isEmpty)
        #expect(result.events.count == 62)
        #expect(result.events.filter { $0.message.hasSuffix("(lightweight tag)") }.count == 13)
        let deploys = result.events.filter { $0.attributesJSON.contains(#""deploy":true"#) }
        let versionTags = result.events.filter { CICorpus.attributes($0)["tag"].map { "\($0)".hasPrefix("v") } ?? false }
        #expect(deploys.count == versionTags.count)
        #expect(result.events.contains { $0.message == "release v1.12.1 tagged by Ben Kochie" })
    }
}

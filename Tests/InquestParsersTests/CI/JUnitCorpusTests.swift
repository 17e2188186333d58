import Foundation
import InquestTestSupport
import InquestCore
import Testing
@testable import InquestParsers

/// Runs the public JUnit reports of `../shared/corpora/junit` (skipped when absent).
struct JUnitCorpusTests {
    private func report(_ path: String) throws -> JUnitReport? {
        guard let data = CICorpus.data(path) else { return nil }
        return try JUnitReportParser.parse(data, options: CICorpus.options((path as NSString).lastPathComponent))
    }

    @Test(.enabled(if: CICorpus.root != nil, SharedCorpus.skipReason)) func pulsarSurefireCountsMatchRootAndCases() throws {
        let report = try #require(try report("junit/dorny-test-reporter/java/pulsar-test-report.xml"))
        // Independently: grep -c '<testcase' → 808, '<failure' → 1, '<skipped' → 14.
        #expect(report.cases.count == 808)
        #expect(report.count(.failed) == 1)
        #expect(report.count(.error) == 0)
        #expect(report.count(.skipped) == 14)
        #expect(report.declared == ["tests": 808, "failures": 1, "errors": 0, "skipped": 14])
        let events = report.events(options: CICorpus.options("pulsar-test-report.xml"))
        #expect(events.count == 2)
        #expect(events[0].message == "FAILED org.apache.pulsar.AddMissingPatchVersionTest.testVersionStrings: expected [1.2.1] but found [1.2.0]")
        #expect(events[1].message == "JUnit: 808 tests, 1 failed, 14 skipped")
        #expect(events.allSatisfy { !$0.raw.isEmpty })
        #expect(Set(events.map(\.dedupeKey)).count == events.count)
        for testCase in report.cases {
            let raw = String(decoding: testCase.raw, as: UTF8.self)
            #expect(raw.hasPrefix("<testcase") && raw.contains("name=\"\(testCase.name)\""))
        }
    }

    @Test(.enabled(if: CICorpus.root != nil, SharedCorpus.skipReason)) func jestReportHasFourFailuresWithWindowsPaths() throws {
        let report = try #require(try report("junit/dorny-test-reporter/jest-junit.xml"))
        #expect(report.count(.failed) == 4)
        #expect(report.cases.count == 6)
        let events = report.events(options: CICorpus.options())
        #expect(events.count == 5)
        #expect(events.dropLast().allSatisfy { String(decoding: $0.raw, as: UTF8.self).hasPrefix("<testcase") })
        #expect(events[0].attributesJSON.contains(#"C:\\Users"#))
    }

    @Test(.enabled(if: CICorpus.root != nil, SharedCorpus.skipReason)) func pytestGlooReportHasSeventeenSkips() throws {
        let report = try #require(try report("junit/publish-unit-test-result-action/pytest/junit.gloo.standalone.xml"))
        #expect(report.cases.count == 97)
        #expect(report.count(.skipped) == 17)
        let events = report.events(options: CICorpus.options())
        #expect(events.last?.message == "JUnit: 97 tests, 0 failed, 17 skipped")
        #expect(events.last?.severity == .info)
        #expect(events.last?.timeQuality == .zoneAssumed)
    }

    @Test(.enabled(if: CICorpus.root != nil, SharedCorpus.skipReason)) func astralPlaneCharactersSurvive() throws {
        let report = try #require(try report("junit/publish-unit-test-result-action/unsupported-unicode.xml"))
        #expect(report.cases.count == 7)
        #expect(report.count(.failed) == 2)
        #expect(report.count(.error) == 2)
        #expect(report.count(.skipped) == 2)
        #expect(report.cases[0].name.contains("𒍺𡓿𠄉"))
        let events = report.events(options: CICorpus.options())
        #expect(events.count == 5)
        #expect(events[0].message == "FAILED test/test-4.py.test 4: Some unsupported unicode characters: 헴䜝헱홐㣇㿷䔭𒍺𡓿𠄉㦓")
        #expect(events[1].message == "FAILED test/test-5.py.test 5: message")
        #expect(events[4].message == "JUnit: 7 tests, 2 failed, 2 errors, 2 skipped")
    }
}

import InquestTestSupport
import Foundation
import InquestCore
import Testing
@testable import InquestParsers

struct JUnitReportParserTests {
    private func parse(_ text: String) throws -> JUnitReport {
        try JUnitReportParser.parse(Data(text.utf8), options: CICorpus.options())
    }

    @Test func readsSurefireSuiteRootWithFailureAndError() throws {
        let report = try parse(JUnitFixtures.surefire)
        #expect(report.rootElement == "testsuite")
        #expect(report.cases.map(\.status) == [.passed, .failed, .error])
        let failed = report.cases[1]
        #expect(failed.failureType == "org.opentest4j.AssertionFailedError")
        #expect(failed.failureMessage == "expected:<1> but was:<2>")
        #expect(failed.failureBody?.contains("CartTest.java:42") == true)
        #expect(failed.systemOut == "removing")
        #expect(report.cases[2].durationSeconds == 1234.5)
        #expect(report.cases[2].failureBody?.hasPrefix("java.lang.NullPointerException") == true)
        #expect(report.suites.first?.timestamp == Timestamp(seconds: 1_772_355_600))
    }

    @Test func failedCaseBecomesErrorEventWithRawElement() throws {
        let text = JUnitFixtures.surefire
        let events = try parse(text).events(options: CICorpus.options())
        #expect(events.count == 3)
        #expect(events.map(\.timestamp) == Array(repeating: Timestamp(seconds: 1_772_355_600), count: 3))
        let failure = events[0]
        #expect(failure.sourceKind == .ci)
        #expect(failure.severity == .error)
        #expect(failure.message == "FAILED com.acme.CartTest.removesItem: expected:<1> but was:<2>")
        #expect(failure.timestampText == "2026-03-01T10:00:00+01:00")
        #expect(failure.timeQuality == [])
        #expect(failure.host == "ci-7")
        let raw = String(decoding: failure.raw, as: UTF8.self)
        #expect(raw.hasPrefix("<testcase name=\"removesItem\""))
        #expect(raw.hasSuffix("</testcase>"))
        let offset = try #require(text.utf8.firstRange(of: Array(raw.utf8))).lowerBound
        #expect(failure.dedupeKey == DedupeKey(source: "/tmp/fixture.xml", raw: failure.raw, offset: Int64(text.utf8.distance(from: text.utf8.startIndex, to: offset))))
        let attributes = CICorpus.attributes(failure)
        #expect(attributes["suite"] as? String == "com.acme.CartTest")
        #expect(attributes["test"] as? String == "removesItem")
        #expect(attributes["failure_type"] as? String == "org.opentest4j.AssertionFailedError")
        #expect(attributes["duration_s"] as? Double == 0.12)
        #expect(events[1].message == "ERROR com.acme.CartTest.totals: NullPointerException")
        #expect(events[2].message == "JUnit: 3 tests, 1 failed, 1 errors, 0 skipped")
        #expect(events[2].severity == .error)
    }

    @Test func pytestSkipIsCountedAndNaiveTimestampIsFlagged() throws {
        let report = try parse(JUnitFixtures.pytest)
        #expect(report.count(.skipped) == 1)
        #expect(report.cases[1].failureMessage == "needs network")
        let events = report.events(options: CICorpus.options())
        #expect(events.count == 2)
        #expect(events[0].message == "FAILED tests.test_api.test_bad: assert 1 == 2")
        #expect(events[0].timeQuality == .zoneAssumed)
        #expect(events[1].message == "JUnit: 3 tests, 1 failed, 1 skipped")
    }

    @Test func jestFailureWithoutMessageUsesFirstBodyLine() throws {
        let events = try parse(JUnitFixtures.jest).events(options: CICorpus.options())
        #expect(events[0].message == "FAILED Test 1 › Test 1.1.Failing test: Error: expect(received).toBeTruthy()")
        let body = CICorpus.attributes(events[0])["failure_body"] as? String
        #expect(body?.contains("C:\\Users\\dev\\__tests__\\main.test.js:10:21") == true)
        #expect(CICorpus.attributes(events[0])["suite"] as? String == "__tests__\\main.test.js")
    }

    @Test func mochaCDATAStackIsKept() throws {
        let report = try parse(JUnitFixtures.mocha)
        #expect(report.cases.count == 2)
        #expect(report.cases[1].failureBody?.contains("Context.<anonymous>") == true)
        #expect(report.declared["failures"] == 1)
    }

    @Test func phpunitNestedSuitesAttributeCasesToInnermostSuite() throws {
        let report = try parse(JUnitFixtures.phpunit)
        #expect(report.suites.map(\.name) == ["Unit", "Tests\\MathTest"])
        #expect(report.suites[1].cases.count == 3)
        #expect(report.cases.map(\.status) == [.passed, .failed, .skipped])
        let events = report.events(options: CICorpus.options())
        #expect(events[0].message == "FAILED Tests.MathTest.testSub: Tests\\MathTest::testSub")
        #expect(events[0].timeQuality == .missing)
        #expect(events[0].timestamp == CICorpus.fallback)
    }

    @Test func allPassingReportGivesOneInfoSummary() throws {
        let text = #"<testsuite name="s" tests="1"><testcase classname="A" name="b"/></testsuite>"#
        let events = try parse(text).events(options: CICorpus.options())
        #expect(events.count == 1)
        #expect(events[0].severity == .info)
        #expect(events[0].message == "JUnit: 1 tests, 0 failed, 0 skipped")
        #expect(String(decoding: events[0].raw, as: UTF8.self) == #"<testsuite name="s" tests="1">"#)
    }

    @Test func longFailureBodyIsTruncated() throws {
        let body = String(repeating: "x", count: 10_000)
        let text = "<testsuite><testcase name=\"t\"><failure message=\"m\">\(body)</failure></testcase></testsuite>"
        let report = try parse(text)
        let kept = try #require(report.cases.first?.failureBody)
        #expect(kept.utf8.count <= 4096 + 3)
        #expect(kept.hasSuffix("…"))
    }

    @Test func rejectsNonJUnitXML() {
        #expect(throws: ParseError.notJUnit(rootElement: "html")) {
            try parse("<html><body/></html>")
        }
    }

    @Test func truncatedReportsThrowLocatedErrorsAtEveryCut() {
        let bytes = Array(JUnitFixtures.surefire.utf8)
        var malformed = 0
        for cut in stride(from: 1, to: bytes.count - 1, by: 7) {
            do {
                _ = try JUnitReportParser.parse(Data(bytes[0..<cut]), options: CICorpus.options())
            } catch let error as ParseError {
                if case .malformedXML(let line, _, _, _) = error, line >= 1 { malformed += 1 }
                #expect(!error.description.isEmpty)
            } catch {
                Issue.record("unexpected error type \(error)")
            }
        }
        #expect(malformed > 0)
    }

    @Test func outerCaseAfterNestedSuiteKeepsItsOwnElement() throws {
        let text = """
            <testsuite name="Outer"><testsuite name="Inner"><testcase name="inner"><failure message="i"/></testcase></testsuite>\
            <testcase name="outer"><failure message="o"/></testcase></testsuite>
            """
        let report = try parse(text)
        #expect(report.cases.map(\.name) == ["inner", "outer"])
        for testCase in report.cases {
            #expect(String(decoding: testCase.raw, as: UTF8.self).hasPrefix("<testcase name=\"\(testCase.name)\""))
        }
        let events = report.events(options: CICorpus.options())
        #expect(Set(events.map(\.message)) == ["FAILED inner: i", "FAILED outer: o", "JUnit: 2 tests, 2 failed, 0 skipped"])
    }

    @Test func commentedOutTestcaseDoesNotShiftRawSlices() throws {
        let text = #"<testsuite><!-- <testcase name="gone"/> --><testcase name="a"/><testcase name="b"><failure message="x"/></testcase></testsuite>"#
        let report = try parse(text)
        #expect(report.cases.count == 2)
        #expect(String(decoding: report.cases[1].raw, as: UTF8.self) == #"<testcase name="b"><failure message="x"/></testcase>"#)
    }

    @Test func invalidUTF8IsRejectedWithItsLocation() {
        var bytes = Array("<testsuite>\n  <testcase name=\"a\"/>\n</testsuite>".utf8)
        bytes[16] = 0xB7
        #expect(throws: ParseError.invalidUTF8(line: 2, column: 5)) {
            try JUnitReportParser.parse(Data(bytes), options: CICorpus.options())
        }
    }

    @Test(arguments: ["surefire", "pytest", "jest", "mocha", "phpunit"])
    func corruptedBytesNeverCrash(dialect: String) throws {
        let original = Array(try #require(JUnitFixtures.byDialect[dialect]).utf8)
        var generator = CIFuzzGenerator(seed: UInt64(original.count))
        var parsedSome = 0
        for round in 0..<400 {
            var bytes = original
            for _ in 0...(round % 4) {
                let position = Int(generator.next() % UInt64(bytes.count))
                bytes[position] = UInt8(truncatingIfNeeded: generator.next())
            }
            if round % 5 == 0 { bytes.removeLast(Int(generator.next() % UInt64(bytes.count))) }
            if let report = try? JUnitReportParser.parse(Data(bytes), options: CICorpus.options()) {
                #expect(report.events(options: CICorpus.options()).count >= 1)
                parsedSome += 1
            }
        }
        #expect(parsedSome > 0)
    }
}

/// The deterministic generator of the corruption test.
typealias CIFuzzGenerator = SeededRandom

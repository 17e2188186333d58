import Foundation
import InquestCore
import Testing
@testable import InquestParsers

struct GitHubActionsParserTests {
    private func parse(_ text: String) throws -> [Event] {
        try GitHubActionsParser.parse(Data(text.utf8), options: CICorpus.options("gh.json"))
    }

    private let failedRun = """
        {"action":"completed","workflow":{"name":"CI"},"repository":{"full_name":"acme/shop"},
         "workflow_run":{"id":9,"name":"CI","run_number":123,"run_attempt":2,"status":"completed","conclusion":"failure",
          "head_branch":"main","head_sha":"abc123","html_url":"https://github.com/acme/shop/actions/runs/9","event":"push",
          "created_at":"2026-03-01T10:00:00Z","updated_at":"2026-03-01T10:05:00Z"}}
        """

    @Test func failedWorkflowRunIsErrorWithRepoBranchAndRunNumber() throws {
        let events = try parse(failedRun)
        #expect(events.count == 1)
        let event = try #require(events.first)
        #expect(event.sourceKind == .ci)
        #expect(event.severity == .error)
        #expect(event.message == #"workflow "CI" failed on main (run #123)"#)
        #expect(event.timestampText == "2026-03-01T10:05:00Z")
        #expect(event.timestamp == Timestamp(seconds: 1_772_359_500))
        #expect(event.raw == Array(failedRun.utf8))
        let attributes = CICorpus.attributes(event)
        #expect(attributes["repo"] as? String == "acme/shop")
        #expect(attributes["sha"] as? String == "abc123")
        #expect(attributes["conclusion"] as? String == "failure")
        #expect(attributes["run_attempt"] as? Int == 2)
    }

    @Test func cancelledRunIsWarningAndTimedOutIsError() throws {
        let cancelled = try parse(failedRun.replacingOccurrences(of: "\"failure\"", with: "\"cancelled\""))
        #expect(cancelled.first?.severity == .warning)
        #expect(cancelled.first?.message == #"workflow "CI" was cancelled on main (run #123)"#)
        let timedOut = try parse(failedRun.replacingOccurrences(of: "\"failure\"", with: "\"timed_out\""))
        #expect(timedOut.first?.severity == .error)
        #expect(timedOut.first?.message == #"workflow "CI" timed out on main (run #123)"#)
    }

    @Test func runInProgressYieldsNothing() throws {
        let running = failedRun.replacingOccurrences(of: "\"status\":\"completed\",\"conclusion\":\"failure\"",
            with: "\"status\":\"in_progress\",\"conclusion\":null")
        #expect(try parse(running).isEmpty)
    }

    @Test func completedRunWithoutConclusionNamesTheField() {
        let broken = failedRun.replacingOccurrences(of: "\"conclusion\":\"failure\",", with: "")
        #expect(throws: ParseError.missingField(path: "workflow_run.conclusion")) { try parse(broken) }
    }

    @Test func restJobListNamesTheFailedStep() throws {
        let list = """
            {"total_count":2,"jobs":[
             {"id":1,"run_id":9,"name":"build","status":"completed","conclusion":"failure","head_branch":"main","head_sha":"abc",
              "completed_at":"2026-03-01T10:04:00+02:00","steps":[{"name":"Checkout","conclusion":"success","number":1},
              {"name":"Run tests","conclusion":"failure","number":2},{"name":"Upload","conclusion":"skipped","number":3}]},
             {"id":2,"run_id":9,"name":"lint","status":"completed","conclusion":"success","completed_at":"2026-03-01T10:01:00Z","steps":[]}]}
            """
        let events = try parse(list)
        #expect(events.map(\.message) == [#"job "build" failed: step "Run tests""#, #"job "lint" succeeded"#])
        #expect(events.map(\.severity) == [.error, .info])
        #expect(events[0].timestamp == Timestamp(seconds: 1_772_352_240))
        #expect(CICorpus.attributes(events[0])["failed_step"] as? String == "Run tests")
        #expect(events[0].dedupeKey != events[1].dedupeKey)
        #expect(String(decoding: events[1].raw, as: UTF8.self).contains("\"name\":\"lint\""))
    }

    @Test func rejectsUnknownAndMalformedPayloads() {
        #expect(throws: ParseError.unknownPayload(keys: ["zen"])) { try parse(#"{"zen":"Keep it simple"}"#) }
        #expect(throws: ParseError.malformedJSON(reason: "the top level is not an object")) { try parse("[1,2]") }
    }

    @Test func truncatedPayloadsThrowMalformedJSONAtEveryCut() {
        let bytes = Array(failedRun.utf8)
        for cut in 0..<(bytes.count - 1) {
            do {
                _ = try GitHubActionsParser.parse(Data(bytes[0..<cut]), options: CICorpus.options())
                Issue.record("cut at \(cut) parsed")
            } catch let error as ParseError {
                guard case .malformedJSON = error else { Issue.record("cut at \(cut): \(error)"); continue }
            } catch {
                Issue.record("unexpected error \(error)")
            }
        }
    }

    @Test func restRunListSkipsRunsStillInProgress() throws {
        let list = """
            {"total_count":2,"workflow_runs":[
             {"id":7,"name":"Release","run_number":41,"workflow_id":3,"status":"in_progress","conclusion":null,"head_branch":"main"},
             {"id":8,"name":"Release","run_number":42,"workflow_id":3,"status":"completed","conclusion":"startup_failure",
              "head_branch":"release/1.2","repository":{"full_name":"acme/api"},"updated_at":"2026-03-01T10:00:00.5Z"}]}
            """
        let events = try parse(list)
        #expect(events.map(\.message) == [#"workflow "Release" failed to start on release/1.2 (run #42)"#])
        #expect(events[0].severity == .error)
        #expect(events[0].timestamp == Timestamp(seconds: 1_772_359_200, nanos: 500_000_000))
        #expect(CICorpus.attributes(events[0])["repo"] as? String == "acme/api")
        #expect(events[0].dedupeKey == DedupeKey(source: "/tmp/gh.json", raw: events[0].raw, offset: 2))
    }
}

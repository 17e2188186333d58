import Foundation
import InquestTestSupport
import InquestCore
import Testing
@testable import InquestParsers

/// Runs the octokit webhook examples in `../shared/corpora/github-actions` (skipped when absent).
struct GitHubActionsCorpusTests {
    private func events(_ name: String) throws -> [Event]? {
        guard let data = CICorpus.data("github-actions/octokit-webhooks/" + name) else { return nil }
        return try GitHubActionsParser.parse(data, options: CICorpus.options(name))
    }

    @Test(.enabled(if: CICorpus.root != nil, SharedCorpus.skipReason)) func failedJobNamesFormatCheckStep() throws {
        let events = try #require(try events("workflow_job/completed.failure.with-organization.payload.json"))
        #expect(events.count == 1)
        #expect(events[0].message == #"job "linters" failed: step "Run yarn run format-check""#)
        #expect(events[0].severity == .error)
        #expect(events[0].timestampText == "2021-08-05T10:38:16Z")
        let attributes = CICorpus.attributes(events[0])
        #expect(attributes["repo"] as? String == "Codertocat/Hello-World")
        #expect(attributes["workflow"] as? String == "CodeQL")
        #expect(attributes["branch"] as? String == "main")
    }

    @Test(.enabled(if: CICorpus.root != nil, SharedCorpus.skipReason)) func successfulRunTakesWorkflowNameFromPayload() throws {
        let events = try #require(try events("workflow_run/completed.with-pull-requests.payload.json"))
        #expect(events.map(\.message) == [#"workflow "test" succeeded on master (run #163)"#])
        #expect(events[0].severity == .info)
        #expect(CICorpus.attributes(events[0])["repo"] as? String == "octo-org/octo-repo")
    }

    @Test(.enabled(if: CICorpus.root != nil, SharedCorpus.skipReason)) func checkRunDeploymentAndPushYieldTheirEvents() throws {
        let check = try #require(try events("check_run/completed.payload.json"))
        #expect(check.map(\.message) == [#"check "Octocoders-linter" succeeded on changes"#])
        #expect(check[0].sourceKind == .ci)
        let deploy = try #require(try events("deployment_status/payload.json"))
        #expect(deploy.map(\.message) == ["deploy to production: success (f95f852)"])
        #expect(deploy[0].sourceKind == .change)
        #expect(CICorpus.attributes(deploy[0])["deploy"] as? Bool == true)
        let push = try #require(try events("push/payload.json"))
        #expect(push.map(\.message) == ["tag simple-tag deleted"])
        #expect(push[0].sourceKind == .change)
        #expect(push[0].timeQuality == .missing)
    }
}

import Foundation
import InquestCore

/// Builds events from the objects of one GitHub payload (the root supplies `repository`,
/// `workflow` and `sender` when the object itself lacks them).
struct GitHubPayloadContext {
    let root: [String: Any]
    let options: CIParseOptions

    /// A completed workflow run, or nil while it is still queued or running.
    func run(_ run: [String: Any], path: String, raw: [UInt8], offset: Int) throws -> Event? {
        guard string(run, "status") == "completed" else { return nil }
        guard let conclusion = string(run, "conclusion") else { throw ParseError.missingField(path: join(path, "conclusion")) }
        let workflowName = string(run, "name") ?? string(root["workflow"] as? [String: Any] ?? [:], "name") ?? "workflow"
        let branch = string(run, "head_branch") ?? ""
        var message = "workflow \"\(workflowName)\" \(GitHubConclusion.phrase(conclusion))"
        if !branch.isEmpty { message += " on \(branch)" }
        if let number = run["run_number"] as? Int { message += " (run #\(number))" }
        var attributes = common(repository: run["repository"], branch: branch, sha: string(run, "head_sha"),
            url: string(run, "html_url"), conclusion: conclusion)
        attributes.add("workflow", workflowName)
        if let number = run["run_number"] as? Int { attributes.add("run_number", number) }
        if let attempt = run["run_attempt"] as? Int { attributes.add("run_attempt", attempt) }
        if let id = run["id"] as? Int { attributes.add("run_id", id) }
        attributes.add("trigger", ifPresent: string(run, "event"))
        attributes.add("title", ifPresent: string(run, "display_title"))
        attributes.add("actor", ifPresent: string(run["actor"] as? [String: Any] ?? [:], "login"))
        return event(run, severity: GitHubConclusion.severity(conclusion), levelText: conclusion, message: message,
            attributes: attributes, raw: raw, offset: offset, kind: .ci)
    }

    /// A completed job with its first failed step, or nil while it is still queued or running.
    func job(_ job: [String: Any], path: String, raw: [UInt8], offset: Int) throws -> Event? {
        guard string(job, "status") == "completed" else { return nil }
        guard let conclusion = string(job, "conclusion") else { throw ParseError.missingField(path: join(path, "conclusion")) }
        let name = string(job, "name") ?? "job"
        let steps = job["steps"] as? [[String: Any]] ?? []
        let failedStep = steps.first { step in
            guard let stepConclusion = string(step, "conclusion") else { return false }
            return GitHubConclusion.severity(stepConclusion) > .info
        }
        var message = "job \"\(name)\" \(GitHubConclusion.phrase(conclusion))"
        if let failedStep, let stepName = string(failedStep, "name") { message += ": step \"\(stepName)\"" }
        var attributes = common(repository: nil, branch: string(job, "head_branch") ?? "", sha: string(job, "head_sha"),
            url: string(job, "html_url"), conclusion: conclusion)
        attributes.add("job", name)
        attributes.add("workflow", ifPresent: string(job, "workflow_name"))
        if let id = job["run_id"] as? Int { attributes.add("run_id", id) }
        if let attempt = job["run_attempt"] as? Int { attributes.add("run_attempt", attempt) }
        if let failedStep {
            attributes.add("failed_step", ifPresent: string(failedStep, "name"))
            if let number = failedStep["number"] as? Int { attributes.add("failed_step_number", number) }
        }
        attributes.add("runner", ifPresent: string(job, "runner_name"))
        return event(job, severity: GitHubConclusion.severity(conclusion), levelText: conclusion, message: message,
            attributes: attributes, raw: raw, offset: offset, kind: .ci, host: string(job, "runner_name"))
    }

    /// A completed check run, or nil while it is still queued or running.
    func check(_ check: [String: Any], raw: [UInt8]) throws -> Event? {
        guard string(check, "status") == "completed" else { return nil }
        guard let conclusion = string(check, "conclusion") else { throw ParseError.missingField(path: "check_run.conclusion") }
        let name = string(check, "name") ?? "check"
        let branch = string(check["check_suite"] as? [String: Any] ?? [:], "head_branch") ?? ""
        var message = "check \"\(name)\" \(GitHubConclusion.phrase(conclusion))"
        if !branch.isEmpty { message += " on \(branch)" }
        var attributes = common(repository: nil, branch: branch, sha: string(check, "head_sha"),
            url: string(check, "html_url"), conclusion: conclusion)
        attributes.add("check", name)
        let output = check["output"] as? [String: Any] ?? [:]
        attributes.add("summary", ifPresent: string(output, "title"))
        return event(check, severity: GitHubConclusion.severity(conclusion), levelText: conclusion, message: message,
            attributes: attributes, raw: raw, offset: 0, kind: .ci)
    }

    /// A deployment status as a `.change` deploy event.
    func deployment(_ status: [String: Any], raw: [UInt8]) -> Event {
        let deployment = root["deployment"] as? [String: Any] ?? [:]
        let state = string(status, "state") ?? "unknown"
        let environment = string(status, "environment") ?? string(deployment, "environment") ?? "unknown"
        let severity: Severity = switch state {
        case "success", "in_progress", "queued", "pending": .info
        case "failure", "error": .error
        default: .warning
        }
        var attributes = common(repository: nil, branch: string(deployment, "ref") ?? "", sha: string(deployment, "sha"),
            url: string(status, "target_url"), conclusion: state)
        attributes.add("environment", environment)
        attributes.add("deploy", true)
        attributes.add("description", ifPresent: string(status, "description"))
        var message = "deploy to \(environment): \(state)"
        if let sha = string(deployment, "sha") { message += " (\(sha.prefix(7)))" }
        return event(status, severity: severity, levelText: state, message: message,
            attributes: attributes, raw: raw, offset: 0, kind: .change)
    }

    /// A push as a `.change` event.
    func push(raw: [UInt8]) -> Event {
        let ref = string(root, "ref") ?? ""
        let isTag = ref.hasPrefix("refs/tags/")
        let short = ref.replacingOccurrences(of: isTag ? "refs/tags/" : "refs/heads/", with: "")
        let commits = root["commits"] as? [[String: Any]] ?? []
        let message: String
        if root["deleted"] as? Bool == true {
            message = "\(isTag ? "tag" : "branch") \(short) deleted"
        } else if isTag {
            message = "tag \(short) pushed"
        } else {
            message = "pushed \(commits.count) commit(s) to \(short)" + (root["forced"] as? Bool == true ? " (forced)" : "")
        }
        let head = root["head_commit"] as? [String: Any] ?? [:]
        var attributes = common(repository: nil, branch: isTag ? "" : short, sha: string(root, "after"),
            url: string(root, "compare"), conclusion: nil)
        attributes.add("ref", ref)
        attributes.add("before", ifPresent: string(root, "before"))
        attributes.add("commits", commits.count)
        attributes.add("pusher", ifPresent: string(root["pusher"] as? [String: Any] ?? [:], "name"))
        attributes.add("head_message", ifPresent: string(head, "message").map(CIAttributesText.firstLine))
        let timeSource: [String: Any] = head.isEmpty ? [:] : ["created_at": head["timestamp"] ?? NSNull()]
        return event(timeSource, severity: .info, levelText: nil, message: message,
            attributes: attributes, raw: raw, offset: 0, kind: .change)
    }

    private func common(repository: Any?, branch: String, sha: String?, url: String?, conclusion: String?) -> CIAttributesText {
        var attributes = CIAttributesText()
        let repo = repository as? [String: Any] ?? root["repository"] as? [String: Any] ?? [:]
        attributes.add("repo", ifPresent: string(repo, "full_name"))
        attributes.add("branch", ifPresent: branch)
        attributes.add("sha", ifPresent: sha)
        attributes.add("url", ifPresent: url)
        attributes.add("conclusion", ifPresent: conclusion)
        return attributes
    }

    private func event(
        _ object: [String: Any], severity: Severity, levelText: String?, message: String, attributes: CIAttributesText,
        raw: [UInt8], offset: Int, kind: SourceKind, host: String? = nil
    ) -> Event {
        let written = ["completed_at", "updated_at", "created_at"].lazy.compactMap { string(object, $0) }.first
        let read = written.flatMap(CITimeReader.read)
        let quality: TimeQuality = read == nil ? .missing : (read?.zoneKnown == true ? [] : .zoneAssumed)
        return Event(
            timestamp: read?.time ?? options.fallbackTime, timestampText: read == nil ? "" : written ?? "",
            timeQuality: quality, sourceKind: kind, sourceName: options.sourceName, severity: severity,
            levelText: levelText, host: host, message: message, attributesJSON: attributes.finished, raw: raw,
            dedupeKey: DedupeKey(source: options.sourceIdentity, raw: raw, offset: Int64(offset)))
    }

    private func string(_ object: [String: Any], _ key: String) -> String? {
        guard let value = object[key] as? String, !value.isEmpty else { return nil }
        return value
    }

    private func join(_ path: String, _ field: String) -> String { path.isEmpty ? field : path + "." + field }
}

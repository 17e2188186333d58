import Foundation
import InquestCore

/// Turns GitHub webhook payloads and REST responses about Actions into events.
///
/// What each shape yields:
/// - `workflow_run` webhook, a REST run object, or `{"workflow_runs": [...]}`: one `.ci` event
///   per *completed* run (`workflow "CI" failed on main (run #123)`); runs still queued or in
///   progress yield nothing (their completion will).
/// - `workflow_job` webhook, a REST job object, or `{"jobs": [...]}`: one `.ci` event per
///   completed job (`job "build" failed: step "Run tests"`, the first step whose conclusion is
///   not success/skipped).
/// - `check_run` webhook: one `.ci` event per completed check run (`check "lint" failed on main`).
/// - `deployment_status` webhook: one `.change` deploy event (`deploy to production: success`),
///   info on success, error on failure/error, warning otherwise; attribute `deploy: true`.
/// - `push` webhook: one `.change` event (`pushed 3 commit(s) to main`, `tag v1 created`,
///   `branch x deleted`).
/// Severity of completed runs, jobs and checks: see ``GitHubConclusion``.
/// Time: `completed_at`, else `updated_at`, else `created_at`, else ``CIParseOptions/fallbackTime``.
/// Raw: the whole input for a single payload (offset 0); for REST lists each element
/// re-serialised with sorted keys (offset = its index + 1).
public enum GitHubActionsParser {
    /// Parses one JSON document.
    ///
    /// - Throws: ``ParseError/malformedJSON(reason:)`` for invalid JSON or a non-object,
    ///   ``ParseError/unknownPayload(keys:)`` for an unknown shape,
    ///   ``ParseError/missingField(path:)`` when a completed run or job lacks its conclusion.
    public static func parse(_ data: Data, options: CIParseOptions) throws -> [Event] {
        let object: [String: Any]
        do {
            guard let parsed = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                throw ParseError.malformedJSON(reason: "the top level is not an object")
            }
            object = parsed
        } catch let error as ParseError {
            throw error
        } catch {
            throw ParseError.malformedJSON(reason: (error as NSError).localizedDescription)
        }
        let raw = [UInt8](data)
        let context = GitHubPayloadContext(root: object, options: options)
        if let run = object["workflow_run"] as? [String: Any] {
            return try context.run(run, path: "workflow_run", raw: raw, offset: 0).map { [$0] } ?? []
        }
        if let job = object["workflow_job"] as? [String: Any] {
            return try context.job(job, path: "workflow_job", raw: raw, offset: 0).map { [$0] } ?? []
        }
        if let check = object["check_run"] as? [String: Any] {
            return try context.check(check, raw: raw).map { [$0] } ?? []
        }
        if let status = object["deployment_status"] as? [String: Any] {
            return [context.deployment(status, raw: raw)]
        }
        if object["ref"] is String, object["after"] is String, object["commits"] != nil {
            return [context.push(raw: raw)]
        }
        if let runs = object["workflow_runs"] as? [[String: Any]] {
            return try listed(runs, path: "workflow_runs") { try context.run($0, path: $1, raw: $2, offset: $3) }
        }
        if let jobs = object["jobs"] as? [[String: Any]] {
            return try listed(jobs, path: "jobs") { try context.job($0, path: $1, raw: $2, offset: $3) }
        }
        if object["run_number"] != nil, object["workflow_id"] != nil {
            return try context.run(object, path: "", raw: raw, offset: 0).map { [$0] } ?? []
        }
        if object["run_id"] != nil, object["steps"] != nil {
            return try context.job(object, path: "", raw: raw, offset: 0).map { [$0] } ?? []
        }
        throw ParseError.unknownPayload(keys: object.keys.sorted())
    }

    private static func listed(
        _ items: [[String: Any]], path: String,
        _ make: ([String: Any], String, [UInt8], Int) throws -> Event?
    ) throws -> [Event] {
        var events: [Event] = []
        for (index, item) in items.enumerated() {
            let raw = (try? JSONSerialization.data(withJSONObject: item, options: [.sortedKeys])).map { [UInt8]($0) } ?? []
            if let event = try make(item, "\(path)[\(index)]", raw, index + 1) { events.append(event) }
        }
        return events
    }
}

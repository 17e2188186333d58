import ArgumentParser
import Foundation
import InquestCore
import InquestReport
import InquestText
import InquestStore
import InquestViewModel

/// `inquest status`: each watcher feed's health as stored by the watcher.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show the health of every watcher feed (state, circuit, last success, lag, rates, errors, dead letters) and the notification queue."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, jsonl
    }

    @OptionGroup var store: StoreOptions

    @Option(help: "Output format: table or jsonl (one JSON object per feed).")
    var format: Format = .table

    func run() throws {
        let database = try store.openForReading()
        let health: [FeedHealth]
        let queue: NotificationQueueSummary
        do {
            health = try database.feedHealth()
            queue = try database.notificationQueueSummary()
        } catch {
            throw CLIFailure("\(error)")
        }
        let now = Timestamp.now()
        switch format {
        case .table:
            if health.isEmpty {
                print("no feeds have reported yet (is `inquest watch --config FILE` running on \(TextSanitizer.singleLine(store.resolvedPath))?)")
            } else {
                for line in FeedHealthTable.rows(health, now: now) { print(line) }
            }
            print(Self.queueLine(queue))
        case .jsonl:
            for row in health { print(Self.json(row, now: now)) }
            print(Self.json(queue))
        }
    }

    /// `notifications: 2 queued (next 2026-…), 0 sending, 14 sent, 1 dead (last: …)`.
    static func queueLine(_ queue: NotificationQueueSummary) -> String {
        var line = "notifications: \(queue.queued) queued"
        if let next = queue.nextAttemptAt { line += " (next \(next.iso8601))" }
        line += ", \(queue.sending) sending, \(queue.sent) sent, \(queue.dead) dead"
        if let reason = queue.lastDeadReason { line += " (last: \(TextSanitizer.singleLine(reason)))" }
        return line
    }

    /// The queue as the last line of `--format jsonl`: `{"notify_queue": {"queued": …}}`.
    static func json(_ queue: NotificationQueueSummary) -> String {
        var counts: [String: Any] = ["queued": queue.queued, "sending": queue.sending, "sent": queue.sent, "dead": queue.dead]
        if let next = queue.nextAttemptAt { counts["next_attempt_at"] = next.iso8601 }
        if let reason = queue.lastDeadReason { counts["last_dead_reason"] = reason }
        guard let data = try? JSONSerialization.data(withJSONObject: ["notify_queue": counts], options: [.sortedKeys, .withoutEscapingSlashes]) else { return "{}" }
        return ReportJSON.escapingInvisibleControls(String(decoding: data, as: UTF8.self))
    }

    static func json(_ row: FeedHealth, now: Timestamp) -> String {
        var object: [String: Any] = [
            "feed": row.feed, "kind": row.kind, "state": row.state.rawValue, "owner": row.owner, "circuit": row.circuit,
            "events_per_second": row.eventsPerSecond, "events_total": row.eventsTotal, "error_count": row.errorCount,
            "dead_letter_count": row.deadLetterCount, "updated_at": row.updatedAt.iso8601,
            "stale": FeedHealthTable.state(row, now: now) != row.state.rawValue,
        ]
        if let lastSuccess = row.lastSuccess { object["last_success"] = lastSuccess.iso8601 }
        if let lag = row.lag { object["lag"] = lag }
        if let unit = row.lagUnit { object["lag_unit"] = unit }
        if let lastError = row.lastError { object["last_error"] = lastError }
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]) else { return "{}" }
        // C1 controls and bidi overrides escaped too, as in `query`/`log --format jsonl`.
        return ReportJSON.escapingInvisibleControls(String(decoding: data, as: UTF8.self))
    }
}

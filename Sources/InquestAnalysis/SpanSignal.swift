import Foundation
import InquestCore

/// The services' own spans, window against baseline, read through the call graph.
///
/// A request a service receives is an *entry span*: a span whose parent is missing or belongs
/// to another service. Its **own time** is its duration minus the time spent in spans of other
/// services that it (or its own inner spans) called: a caller that waits 20 s on a slow callee
/// has a long span but little own time, so latency is blamed where it is spent. The signal
/// scores the rise of the p90 own time beyond ``minimumRise`` (log ratio, weighted by the square root of the requests
/// seen) and the rise of error spans (``CountSurprise``). It also counts each service's
/// requests (``ServiceTraffic``) and which services called which in the window (``CallGraph``).
struct SpanSignal {
    var signals: [String: ServiceSignal] = [:]
    var traffic = ServiceTraffic()
    var calls = CallGraph()

    /// A span's own time below this much counts as this much, so 0.1 ms → 1 ms is no rise.
    static let timeFloor: Double = 1_000_000
    /// A p90 own time must grow by more than this factor to count (smaller shifts are the
    /// usual wobble of a percentile over a few hundred requests).
    static let minimumRise = 1.5
    /// Requests needed on both sides before a latency shift is scored.
    static let minimumRequests = 5
    /// Descendants visited per entry span at most (bounds the work on a pathological trace).
    static let maximumVisits = 10_000

    struct Entry { var start: Timestamp; var ownTime: Int64; var isError: Bool; var traceID: String }

    init(tree: LinkedSpans, incident: IncidentWindow) {
        let spans = tree.spans
        var before: [String: [Entry]] = [:]
        var after: [String: [Entry]] = [:]
        for (position, span) in spans.enumerated() {
            let parent = tree.parents[position].map { spans[$0] }
            let inWindow = span.start >= incident.window.lowerBound
            if let parent, parent.service != span.service, inWindow { calls.add(caller: parent.service, callee: span.service) }
            guard tree.isEntry(position) else { continue }
            let entry = Entry(
                start: span.start, ownTime: Self.ownTime(of: position, spans: spans, children: tree.children),
                isError: span.status == .error, traceID: span.traceID)
            if inWindow { after[span.service, default: []].append(entry) } else { before[span.service, default: []].append(entry) }
        }
        traffic.requestsBefore = before.mapValues(\.count)
        traffic.requestsAfter = after.mapValues(\.count)
        for (service, late) in after {
            let early = before[service] ?? []
            var signal = ServiceSignal()
            if let row = Self.latencyEvidence(service: service, early: early, late: late, incident: incident) { signal.add(row) }
            if let row = Self.errorEvidence(service: service, early: early, late: late, incident: incident) { signal.add(row) }
            if !signal.evidence.isEmpty { signals[service] = signal }
        }
    }

    /// Duration minus the time in other services' spans reached through the span's own inner spans.
    static func ownTime(of root: Int, spans: [TraceSpan], children: [Int: [Int]]) -> Int64 {
        let service = spans[root].service
        var elsewhere: Int64 = 0
        var stack = [root]
        var visits = 0
        while let next = stack.popLast(), visits < maximumVisits {
            visits += 1
            for child in children[next] ?? [] {
                if spans[child].service == service { stack.append(child) } else { elsewhere &+= max(0, spans[child].duration) }
            }
        }
        return max(0, spans[root].duration - elsewhere)
    }

    static func latencyEvidence(service: String, early: [Entry], late: [Entry], incident: IncidentWindow) -> SuspectEvidence? {
        guard early.count >= minimumRequests, late.count >= minimumRequests else { return nil }
        let before = percentile90(early.map(\.ownTime))
        let after = percentile90(late.map(\.ownTime))
        let ratio = log(max(Double(after), timeFloor) / max(Double(before), timeFloor)) - log(minimumRise)
        guard ratio > 0 else { return nil }
        let score = ratio * Double(min(late.count, 100)).squareRoot()
        let slowest = late.max { $0.ownTime < $1.ownTime }
        return SuspectEvidence(
            kind: .spans,
            summary: "p90 own latency \(DurationFormat.short(before)) → \(DurationFormat.short(after)) (\(early.count) → \(late.count) requests, time in callees excluded)",
            filter: EvidenceFilter.make(service: service, trace: slowest?.traceID, range: nil),
            before: Double(before) / 1e9, after: Double(after) / 1e9, at: slowest?.start, contribution: score)
    }

    static func errorEvidence(service: String, early: [Entry], late: [Entry], incident: IncidentWindow) -> SuspectEvidence? {
        let errorsBefore = early.filter(\.isError).count
        let errorsAfter = late.filter(\.isError).count
        guard errorsAfter > 0 else { return nil }
        let growth = early.isEmpty ? incident.lengthRatio : Double(late.count) / Double(early.count)
        let surprise = CountSurprise.rise(observed: Double(errorsAfter), expected: (Double(errorsBefore) + 0.5) * growth)
        guard surprise > 0 else { return nil }
        let first = late.first(where: \.isError)
        return SuspectEvidence(
            kind: .spans, summary: "error spans \(errorsBefore) → \(errorsAfter) (of \(early.count) → \(late.count) requests)",
            filter: EvidenceFilter.make(service: service, trace: first?.traceID, range: nil),
            before: Double(errorsBefore), after: Double(errorsAfter), at: first?.start, contribution: surprise)
    }

    static func percentile90(_ values: [Int64]) -> Int64 {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        return sorted[min(sorted.count - 1, Int(0.9 * Double(sorted.count)))]
    }
}

import Foundation
import InquestCore
import InquestStore

/// Requests of one operation that stop early: per service and operation it received (its entry
/// spans' operation), the calls those requests make to each other service and the info/debug log
/// lines they write per template, each per request, window against baseline.
///
/// An exception thrown early in a handler, or an early `return`, cuts every request of that
/// operation short: its calls to its callees per request fall (say from 1 to 0), and so do its log
/// lines per request, while the requests keep arriving. Measured per operation this is far more
/// specific than a service-wide thinning of templates (other operations keep writing the same
/// lines), and it points at the service whose own handler changed: its callers still make their
/// calls. A step (call or template) counts as stopped when its count falls to
/// ``LogTemplateSignal/maximumFall`` of what the baseline's rate per request predicts for the
/// window's requests or less, scored by its Poisson surprise (``CountSurprise/fall(observed:expected:)``);
/// both sides need ``SpanSignal/minimumRequests`` requests of the operation. Log lines count when
/// they carry the trace and span ids of a span of their own service (what tracing instrumentation
/// writes into logs); warnings and errors that stop are a recovery, not a fault, and are left out.
enum HandlerSignal {
    struct Handler: Hashable { var service: String; var operation: String }
    enum Step: Hashable { case call(String), template(Int64) }
    struct StepKey: Hashable { var handler: Handler; var step: Step }
    struct Tally { var before = 0; var after = 0; var example: Int? }

    static func analyse(
        tree: LinkedSpans, logs: [SpanLogCount], templates: TemplateBook, incident: IncidentWindow
    ) -> [String: ServiceSignal] {
        let spans = tree.spans
        var requests: [Handler: Tally] = [:]
        var steps: [StepKey: Tally] = [:]
        func count(_ key: StepKey, entry: Int, _ amount: Int) {
            var tally = steps[key, default: Tally()]
            if spans[entry].start >= incident.window.lowerBound {
                tally.after += amount
            } else {
                tally.before += amount
                if tally.example == nil { tally.example = entry }
            }
            steps[key] = tally
        }
        for (position, span) in spans.enumerated() {
            let entry = tree.entries[position]
            if entry == position {
                var tally = requests[Handler(service: span.service, operation: span.operation), default: Tally()]
                if span.start >= incident.window.lowerBound { tally.after += 1 } else { tally.before += 1 }
                requests[Handler(service: span.service, operation: span.operation)] = tally
            }
            guard let parent = tree.parents[position], spans[parent].service != span.service else { continue }
            let callerEntry = tree.entries[parent]
            let handler = Handler(service: spans[callerEntry].service, operation: spans[callerEntry].operation)
            count(StepKey(handler: handler, step: .call(span.service)), entry: callerEntry, 1)
        }
        for log in logs where log.severity < .warning {
            guard let position = tree.position(traceID: log.traceID, spanID: log.spanID),
                spans[position].service == log.service
            else { continue }
            let entry = tree.entries[position]
            let handler = Handler(service: spans[entry].service, operation: spans[entry].operation)
            count(StepKey(handler: handler, step: .template(templates.current(log.templateID))), entry: entry, log.count)
        }
        var signals: [String: ServiceSignal] = [:]
        for (key, tally) in steps where tally.before > 0 {
            guard let served = requests[key.handler], served.before >= SpanSignal.minimumRequests,
                served.after >= SpanSignal.minimumRequests
            else { continue }
            let expected = Double(tally.before) / Double(served.before) * Double(served.after)
            let surprise = CountSurprise.fall(observed: Double(tally.after), expected: expected)
            guard surprise > 0, Double(tally.after) <= LogTemplateSignal.maximumFall * expected else { continue }
            signals[key.handler.service, default: ServiceSignal()].add(evidence(
                key, tally, served: served, expected: expected, surprise: surprise, tree: tree, templates: templates,
                incident: incident))
        }
        return signals
    }

    static func evidence(
        _ key: StepKey, _ tally: Tally, served: Tally, expected: Double, surprise: Double, tree: LinkedSpans,
        templates: TemplateBook, incident: IncidentWindow
    ) -> SuspectEvidence {
        let rateBefore = Double(tally.before) / Double(served.before)
        let rateAfter = Double(tally.after) / Double(served.after)
        let counts = "\(tally.before) in \(served.before) requests → \(tally.after) in \(served.after); \(LogTemplateSignal.format(expected)) due"
        let requests = "`\(key.handler.operation)` requests"
        let example = tally.example.map { tree.spans[$0] }
        switch key.step {
        case .call(let callee):
            return SuspectEvidence(
                kind: .calls,
                summary: "\(requests) stopped calling \(callee): \(rate(rateBefore)) → \(rate(rateAfter)) calls per request (\(counts))",
                filter: EvidenceFilter.make(service: nil, trace: example?.traceID, range: nil),
                before: rateBefore, after: rateAfter, at: example?.start, contribution: surprise)
        case .template(let template):
            return SuspectEvidence(
                kind: .logTemplate,
                summary: "\(requests) stopped writing template \(template) `\(templates.text(template))`: "
                    + "\(rate(rateBefore)) → \(rate(rateAfter)) per request (\(counts))",
                filter: EvidenceFilter.make(service: key.handler.service, template: template, range: incident.baseline),
                before: rateBefore, after: rateAfter, at: example?.start, contribution: surprise)
        }
    }

    static func rate(_ value: Double) -> String { String(format: "%.2f", value) }
}

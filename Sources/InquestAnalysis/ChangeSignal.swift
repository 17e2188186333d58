import InquestCore
import InquestStore

/// Changes (deploys, commits, tags, CI failures, config) of a service shortly before the
/// incident time: the nearer the time, the higher the score (1 at the time, 0 at the end of the
/// look-back); a failure (severity error or worse) counts double.
enum ChangeSignal {
    static func analyse(store: InquestStore, incident: IncidentWindow, lookback: Int64) throws -> [String: ServiceSignal] {
        let start = incident.time.advanced(saturating: -max(1, lookback))
        var signals: [String: ServiceSignal] = [:]
        for change in try store.changeEvents(in: start..<incident.window.upperBound) {
            guard let service = change.service, !service.isEmpty else { continue }
            let age = Timestamp.span(from: change.timestamp, to: incident.time)
            let nearness = max(0, 1 - Double(max(0, age)) / Double(max(1, lookback)))
            let weight = change.severity >= .error ? 2.0 : 1.0
            let when = age >= 0 ? "\(DurationFormat.short(age)) before" : "\(DurationFormat.short(-age)) after"
            let firstLine = change.message.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? ""
            signals[service, default: ServiceSignal()].add(SuspectEvidence(
                kind: .change, summary: "\(change.sourceKind.rawValue) \(when): \(firstLine)",
                filter: EvidenceFilter.make(
                    service: service, source: change.sourceKind,
                    range: change.timestamp..<change.timestamp.advanced(saturating: 1_000_000)),
                at: change.timestamp, contribution: nearness * weight))
        }
        return signals
    }
}

import InquestCore
import InquestStore

/// Log templates per service, window against baseline: warning and error templates that are
/// new or louder (``rising(_:_:traffic:templates:in:)``), and templates a service kept writing
/// that stop while it keeps serving (``vanished(_:_:traffic:templates:in:)``) — what an
/// exception thrown early in a handler or an early `return` leaves behind. Counts are compared
/// with what the baseline predicts for the window's traffic (``ServiceTraffic``), and scored by
/// their Poisson surprise (``CountSurprise``) once they moved by a factor of at least
/// ``minimumRise`` (``maximumFall``): a template's count follows the mix of requests, which swings
/// from minute to minute far more than a Poisson count does, so a smaller shift of a busy template
/// is the usual wobble however many events it holds.
enum LogTemplateSignal {
    /// A warning or error template counts as louder only at this many times its due count.
    static let minimumRise = 2.0
    /// A template counts as fallen silent only at this share of its due count or less.
    static let maximumFall = 0.5

    struct Key: Hashable { var service: String; var template: Int64 }
    struct Tally { var count = 0; var severity = Severity.debug; var first = Timestamp.latest }

    /// Counts per service and current template (merges followed).
    static func tally(_ rows: [ServiceTemplateCount], templates: TemplateBook) -> [Key: Tally] {
        var result: [Key: Tally] = [:]
        for row in rows {
            let key = Key(service: row.service, template: templates.current(row.templateID))
            var tally = result[key, default: Tally()]
            tally.count += row.count
            tally.severity = max(tally.severity, row.severity)
            tally.first = min(tally.first, row.first)
            result[key] = tally
        }
        return result
    }

    /// New or louder warning/error templates. A template unseen in the baseline counts as half
    /// an event there (so 0 → 20 is a strong rise and 0 → 1 a weak one).
    static func rising(
        _ after: [Key: Tally], _ before: [Key: Tally], traffic: ServiceTraffic, templates: TemplateBook,
        in incident: IncidentWindow
    ) -> [String: ServiceSignal] {
        var signals: [String: ServiceSignal] = [:]
        for (key, tally) in after where tally.severity >= .warning {
            guard let growth = traffic.growth(of: key.service) else { continue }
            let baseline = before[key]?.count ?? 0
            let expected = (Double(baseline) + 0.5) * growth
            let surprise = CountSurprise.rise(observed: Double(tally.count), expected: expected)
            guard surprise > 0, Double(tally.count) >= minimumRise * expected else { continue }
            let summary = baseline == 0
                ? "new \(tally.severity.name) template \(key.template) `\(templates.text(key.template))`: 0 → \(tally.count) events"
                : "\(tally.severity.name) template \(key.template) `\(templates.text(key.template))`: \(baseline) → \(tally.count) events (\(format(expected)) due)"
            signals[key.service, default: ServiceSignal()].add(SuspectEvidence(
                kind: .logTemplate, summary: summary,
                filter: EvidenceFilter.make(service: key.service, template: key.template, range: incident.window),
                before: Double(baseline), after: Double(tally.count), at: tally.first, contribution: surprise))
        }
        return signals
    }

    /// Templates below warning that fall silent while their service keeps receiving requests
    /// (warnings and errors that stop are a recovery, not a fault).
    static func vanished(
        _ after: [Key: Tally], _ before: [Key: Tally], traffic: ServiceTraffic, templates: TemplateBook,
        in incident: IncidentWindow
    ) -> [String: ServiceSignal] {
        var signals: [String: ServiceSignal] = [:]
        for (key, tally) in before where tally.severity < .warning {
            guard let growth = traffic.ownGrowth(of: key.service) else { continue }
            let expected = Double(tally.count) * growth
            let observed = after[key]?.count ?? 0
            let surprise = CountSurprise.fall(observed: Double(observed), expected: expected)
            guard surprise > 0, Double(observed) <= maximumFall * expected else { continue }
            let summary = "template \(key.template) `\(templates.text(key.template))` fell silent: \(tally.count) → \(observed) events (\(format(expected)) due at its requests)"
            signals[key.service, default: ServiceSignal()].add(SuspectEvidence(
                kind: .logTemplate, summary: summary,
                filter: EvidenceFilter.make(service: key.service, template: key.template, range: incident.baseline),
                before: Double(tally.count), after: Double(observed), at: tally.first, contribution: surprise))
        }
        return signals
    }

    static func format(_ value: Double) -> String {
        value >= 10 ? String(Int(value.rounded())) : String(Double(Int(value * 10)) / 10)
    }
}

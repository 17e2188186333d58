import InquestCore
import InquestStore

/// Ranks the services of a store as suspects of an incident at a time.
///
/// Each signal scores every service, window after the time against the baseline before it:
/// warning/error log templates new or louder (``LogTemplateSignal/rising``), templates gone
/// silent while the service keeps serving (``LogTemplateSignal/vanished``), the requests of one
/// operation that stop calling or logging a step they took before (``HandlerSignal``), its own
/// spans' latency and errors (``SpanSignal``), its metric series (``MetricSignal``) and changes before
/// the time (``ChangeSignal``). A signal's scores are divided by its highest score, so each
/// signal ranks services on [0, 1], then weighted (``SuspectSettings``) and summed. Last, blame
/// flows down the call graph: a service that called an anomalous service in the window gives
/// up ``SuspectSettings/calleeDiscount`` of the smaller of the two scores, since a caller fails
/// when its callee does. Deterministic: ties are broken by service name.
public struct SuspectAnalysis: Sendable {
    public var settings: SuspectSettings

    public init(settings: SuspectSettings = .standard) { self.settings = settings }

    /// The suspects at `time`, best first (services with a score above 0 only).
    public func suspects(in store: InquestStore, at time: Timestamp) throws(AnalysisError) -> [Suspect] {
        let incident = IncidentWindow(time: time, settings: settings)
        do {
            let tree = LinkedSpans(try store.spans(startingIn: incident.baseline.lowerBound..<incident.window.upperBound))
            let spans = SpanSignal(tree: tree, incident: incident)
            var traffic = spans.traffic
            traffic.logsBefore = try store.logEventCount(in: incident.baseline)
            traffic.logsAfter = try store.logEventCount(in: incident.window)
            let templates = TemplateBook(try store.templates())
            let after = LogTemplateSignal.tally(try store.serviceTemplateCounts(in: incident.window), templates: templates)
            let before = LogTemplateSignal.tally(try store.serviceTemplateCounts(in: incident.baseline), templates: templates)
            let weighted: [(signals: [String: ServiceSignal], weight: Double)] = [
                (LogTemplateSignal.rising(after, before, traffic: traffic, templates: templates, in: incident), settings.logWeight),
                (LogTemplateSignal.vanished(after, before, traffic: traffic, templates: templates, in: incident), settings.vanishedWeight),
                (HandlerSignal.analyse(
                    tree: tree, logs: try store.spanLogCounts(in: incident.baseline.lowerBound..<incident.window.upperBound),
                    templates: templates, incident: incident), settings.handlerWeight),
                (spans.signals, settings.spanWeight),
                (try MetricSignal.analyse(store: store, incident: incident), settings.metricWeight),
                (try ChangeSignal.analyse(store: store, incident: incident, lookback: settings.changeLookback), settings.changeWeight),
            ]
            return rank(combine(weighted), calls: spans.calls)
        } catch let error as AnalysisError {
            throw error
        } catch {
            throw .storeUnreadable(String(describing: error))
        }
    }

    /// The time to analyse when none is given: the start of the latest error burst at or before
    /// `time` (errors no more than one window apart).
    public func incidentTime(in store: InquestStore, before time: Timestamp = .latest) throws(AnalysisError) -> Timestamp {
        let found: Timestamp?
        do {
            found = try store.errorBurstStart(atOrBefore: time, gap: settings.window)
        } catch {
            throw .storeUnreadable(String(describing: error))
        }
        guard let found else { throw .noIncidentTime }
        return found
    }

    /// Scales each signal by its maximum and its weight, and sums per service.
    func combine(_ weighted: [(signals: [String: ServiceSignal], weight: Double)]) -> [String: Suspect] {
        var suspects: [String: Suspect] = [:]
        for (signals, weight) in weighted {
            let top = signals.values.map(\.score).max() ?? 0
            guard top > 0, weight > 0 else { continue }
            let scale = weight / top
            for (service, signal) in signals where signal.score > 0 {
                var suspect = suspects[service, default: Suspect(service: service, score: 0, evidence: [])]
                suspect.score += signal.score * scale
                for var row in signal.evidence {
                    row.contribution *= scale
                    suspect.evidence.append(row)
                }
                suspects[service] = suspect
            }
        }
        return suspects
    }

    /// Applies the callee discount and orders the suspects (evidence strongest first).
    func rank(_ suspects: [String: Suspect], calls: CallGraph) -> [Suspect] {
        var ranked: [Suspect] = []
        for (service, suspect) in suspects {
            var result = suspect
            let callee = calls.callees[service, default: []].compactMap { suspects[$0] }
                .max { ($0.score, $1.service) < ($1.score, $0.service) }
            if let callee, settings.calleeDiscount > 0 {
                let discount = settings.calleeDiscount * min(suspect.score, callee.score)
                if discount > 0 {
                    result.score -= discount
                    result.evidence.append(SuspectEvidence(
                        kind: .calls,
                        summary: "calls \(callee.service) (score \(LogTemplateSignal.format(callee.score))), whose anomaly explains part of this one",
                        filter: EvidenceFilter.make(service: callee.service, range: nil),
                        before: suspect.score, after: result.score, contribution: -discount))
                }
            }
            result.evidence.sort { ($0.contribution, $1.summary) > ($1.contribution, $0.summary) }
            if result.score > 0 { ranked.append(result) }
        }
        return ranked.sorted { ($0.score, $1.service) > ($1.score, $0.service) }
    }
}

import Foundation
import InquestCore
import InquestStore

/// A small store with a known answer: requests enter `frontend`, which calls `orders`, which
/// calls `ledger`; six a minute from 30 minutes before the incident time to 3 minutes after.
/// Log events carry their request's trace id and their span's id.
/// Each test changes what one service does after the time and checks the ranking.
struct SyntheticIncident {
    static let time = Timestamp(seconds: 1_700_000_000)
    static let minute: Int64 = 60_000_000_000

    /// What a service does after the incident time.
    struct Behaviour {
        var ownTime: Int64 = 5_000_000
        var error = false
        var logs: [(template: Int64, severity: Severity)] = []
        /// Whether its requests call the next service of the chain.
        var callsNext = true
        /// Operations whose requests write none of `logs`.
        var silentIn: Set<String> = []
    }

    var before: [String: Behaviour] = [
        "frontend": Behaviour(logs: [(1, .info)]), "orders": Behaviour(logs: [(2, .info)]), "ledger": Behaviour(logs: [(3, .info)]),
    ]
    var after: [String: Behaviour]
    /// The operation of each request, in turn (request `r` of a minute is `operations[r % count]`).
    var operations = ["handle"]
    var samples: [MetricPoint] = []
    var extraEvents: [Event] = []

    init() { after = before }

    static let templates = [
        LogTemplate(id: 1, text: "frontend served <*>", count: 0),
        LogTemplate(id: 2, text: "orders handled order <*>", count: 0),
        LogTemplate(id: 3, text: "ledger wrote entry <*>", count: 0),
        LogTemplate(id: 4, text: "orders call to ledger failed: <*>", count: 0),
        LogTemplate(id: 5, text: "ledger constraint violated on <*>", count: 0),
        LogTemplate(id: 6, text: "frontend upstream error <*>", count: 0),
    ]

    func store() throws -> InquestStore {
        let store = try InquestStore.inMemory()
        var events: [Event] = []
        var templateIDs: [Int64] = []
        var spans: [TraceSpan] = []
        let chain = ["frontend", "orders", "ledger"]
        for minute in -30..<3 {
            for request in 0..<6 {
                let start = Self.time.advanced(saturating: Int64(minute) * Self.minute + Int64(request) * 9_000_000_000)
                let trace = String(format: "%016llx%016llx", UInt64(minute + 100), UInt64(request + 1))
                let behaviours = minute < 0 ? before : after
                let reached = (chain.firstIndex { behaviours[$0]?.callsNext == false }).map { chain.prefix($0 + 1) } ?? chain[...]
                var durations: [Int64] = reached.map { behaviours[$0]?.ownTime ?? 0 }
                for level in stride(from: durations.count - 2, through: 0, by: -1) { durations[level] += durations[level + 1] }
                let operation = operations[request % operations.count]
                for (level, service) in reached.enumerated() {
                    let behaviour = behaviours[service] ?? Behaviour()
                    let spanID = String(format: "%016llx", UInt64(level + 1))
                    let spanStart = start.advanced(saturating: Int64(level) * 1_000)
                    spans.append(TraceSpan(
                        traceID: trace, spanID: spanID,
                        parentSpanID: level == 0 ? nil : String(format: "%016llx", UInt64(level)), service: service,
                        operation: operation, start: spanStart, duration: durations[level], status: behaviour.error ? .error : .ok))
                    for (offset, log) in behaviour.logs.enumerated() where !behaviour.silentIn.contains(operation) {
                        let text = "\(service) log \(log.template) for \(trace)"
                        events.append(Event(
                            timestamp: spanStart.advanced(saturating: Int64(offset) * 1_000), sourceKind: .log, sourceName: "\(service).log",
                            severity: log.severity, service: service, message: text, traceID: trace, spanID: spanID,
                            dedupeKey: DedupeKey(source: service, raw: Array(text.utf8), offset: Int64(events.count))))
                        templateIDs.append(log.template)
                    }
                }
            }
        }
        var encoded = EncodedEvents(events)
        encoded.assignTemplates(templateIDs)
        var batch = EventBatch(events: encoded, samples: samples, spans: spans)
        batch.templates = Self.templates
        try store.append(batch)
        if !extraEvents.isEmpty { try store.append(EventBatch(events: extraEvents)) }
        return store
    }

    /// One sample a minute of `name` for `pod`, `baseline` before the time and `incident` after.
    static func series(_ name: String, pod: String, baseline: Double, incident: Double) -> [MetricPoint] {
        (-30..<3).map { minute in
            let wiggle = Double((minute + 30) % 3) * 0.01 * baseline
            return MetricPoint(
                name: name, labels: ["PodName": pod], timestamp: time.advanced(saturating: Int64(minute) * minute60),
                value: minute < 0 ? baseline + wiggle : incident)
        }
    }

    private static let minute60 = minute
}

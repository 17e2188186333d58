import InquestCore
@testable import InquestViewModel

/// An in-memory stand-in for the store that answers the reducer's load effects the way
/// the real one does (keyset windows in (time, id) order), so long key sequences can be
/// driven without a database. Three events share each second to exercise ties.
struct SimulatedStore {
    let events: [EventSummary]

    init(count: Int) {
        events = (1...Int64(count)).map { id in
            EventSummary(
                id: id, timestamp: Timestamp(seconds: 1_795_000_000 + id / 3), sourceKind: .log, sourceName: "app.log",
                severity: id % 7 == 0 ? .error : .info, service: "api", message: id % 11 == 0 ? "gateway timeout \(id)" : "ok \(id)"
            )
        }
    }

    /// The events a query matches: `severity>=error` keeps errors, a quoted term keeps messages containing it.
    func matching(_ query: TimelineQuery) -> [EventSummary] {
        var result = events
        if query.filter.contains("severity>=error") { result = result.filter { $0.severity >= .error } }
        if query.filter.contains("\"timeout\"") || query.filter == "timeout" { result = result.filter { $0.message.contains("timeout") } }
        return result
    }

    /// The action answering a load effect, or nil for writes and the UI's own effects.
    func answer(_ effect: CanvasEffect) -> CanvasAction? {
        switch effect {
        case .loadWindow(let requestID, let query, let anchor, let limit):
            let all = matching(query)
            let rows: [EventSummary]
            switch anchor {
            case .oldest: rows = Array(all.prefix(limit))
            case .newest: rows = Array(all.suffix(limit))
            case .atOrAfter(let time): rows = Array(all.filter { $0.timestamp >= time }.prefix(limit))
            case .after(let cursor): rows = Array(all.filter { $0.cursor > cursor }.prefix(limit))
            case .before(let cursor): rows = Array(all.filter { $0.cursor < cursor }.suffix(limit))
            }
            let reachedStart: Bool
            let reachedEnd: Bool
            if let first = rows.first, let last = rows.last {
                reachedStart = first.id == all.first?.id
                reachedEnd = last.id == all.last?.id
            } else {
                switch anchor {
                case .before, .oldest: (reachedStart, reachedEnd) = (true, false)
                default: (reachedStart, reachedEnd) = (false, true)
                }
            }
            return .windowLoaded(requestID: requestID, rows: rows, anchor: anchor, reachedStart: reachedStart, reachedEnd: reachedEnd)
        case .loadCount(let requestID, let query):
            let all = matching(query)
            return .countLoaded(requestID: requestID, count: all.count, oldest: all.first?.timestamp, newest: all.last?.timestamp)
        case .loadHistogram(let requestID, _, let from, let to, let buckets):
            return .histogramLoaded(requestID: requestID, from: from, to: to, buckets: (0..<buckets).map { HistogramBucket(start: from, total: $0, errors: 0) })
        case .loadInvestigations(let requestID):
            return .investigationsLoaded(requestID: requestID, [])
        case .loadDetail(let requestID, _):
            return .detailLoaded(requestID: requestID, nil)
        default:
            return nil
        }
    }
}

/// Runs actions through the reducer, answering effects from a simulated store.
struct Driver {
    var state = CanvasState()
    let store: SimulatedStore
    let environment = Fixtures.environment
    /// Answers not yet delivered (to reorder them in fuzzing).
    var inFlight: [CanvasAction] = []

    init(store: SimulatedStore, width: Int = 80, height: Int = 24) {
        self.store = store
        _ = send(.terminalResized(width: width, height: height))
        _ = send(.started)
        settle()
    }

    /// Sends one action and queues the answers to its effects.
    @discardableResult
    mutating func send(_ action: CanvasAction) -> [CanvasEffect] {
        let effects = reduce(&state, action, environment: environment)
        inFlight += effects.compactMap(store.answer)
        return effects
    }

    /// Delivers every queued answer (and the answers those cause) in order.
    mutating func settle() {
        while !inFlight.isEmpty {
            let next = inFlight.removeFirst()
            send(next)
        }
    }

    mutating func press(_ key: KeyPress) {
        send(.keyPressed(key))
        settle()
    }
}

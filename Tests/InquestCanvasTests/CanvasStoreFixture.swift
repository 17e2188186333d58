import InquestCore
import InquestStore

/// A real in-memory store for driving the canvas: events numbered 1...count (the store's
/// ids), three to a second so that times tie, every 7th an error and every 11th a
/// "gateway timeout" (so `severity>=error` and `timeout` match known ids).
enum CanvasStoreFixture {
    /// The time of event `id`.
    static func time(_ id: Int64) -> Timestamp {
        Timestamp(seconds: 1_795_000_000 + id / 3)
    }

    static func event(_ id: Int64) -> Event {
        let raw = Array("line \(id)".utf8)
        return Event(
            timestamp: time(id), sourceKind: .log, sourceName: "app.log", severity: id % 7 == 0 ? .error : .info,
            service: "api", message: id % 11 == 0 ? "gateway timeout \(id)" : "ok \(id)", raw: raw,
            dedupeKey: DedupeKey(source: "app.log", raw: raw, offset: id))
    }

    /// A store holding events 1...count, full-text indexed.
    static func store(count: Int) throws -> InquestStore {
        let store = try InquestStore.inMemory()
        _ = try store.append(EventBatch(events: (1...Int64(count)).map(event)))
        _ = try store.indexFullText()
        return store
    }
}

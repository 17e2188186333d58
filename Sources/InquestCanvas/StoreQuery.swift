import InquestCore
import InquestStore
import InquestViewModel

/// Turns the view-model's `TimelineQuery` into SQL for the store.
enum StoreQuery {
    static func sql(for query: TimelineQuery, now: Timestamp) throws -> FilterSQL {
        var text = query.filter
        if let investigation = query.investigationID {
            text = query.narrowed(by: "investigation:\(investigation)").filter
        }
        let filter = try Filter.parse(text)
        return FilterSQLCompiler.compile(filter, now: now)
    }
}

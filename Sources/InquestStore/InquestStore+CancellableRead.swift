import GRDB

extension InquestStore {
    /// A read (see ``wrap(_:_:)``) that `cancellation` can cut short: then it throws
    /// ``StoreError/interrupted(operation:)`` instead of a database error.
    func read<T>(_ operation: String, cancellation: QueryCancellation?, _ body: (Database) throws -> T) throws -> T {
        guard let cancellation else { return try wrap(operation) { try writer.read(body) } }
        do {
            return try wrap(operation) { try writer.read { db in try cancellation.watching(db) { try body(db) } } }
        } catch StoreError.database where cancellation.isCancelled {
            throw StoreError.interrupted(operation: operation)
        }
    }
}

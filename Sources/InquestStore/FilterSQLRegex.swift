import Foundation
import GRDB
import InquestCore
import Synchronization

/// The SQL side of regular-expression terms: SQLite has no `REGEXP` of its own, so every store
/// connection gets ``function``, which runs ``FilterRegex`` (linear time: no pattern can hang a
/// query). A pattern is compiled once per connection set, not once per row: compiled patterns
/// are kept in a small shared cache keyed by their text.
enum FilterSQLRegex {
    /// `event.message REGEXP ?`, preceded by a `LIKE` on the pattern's required literal when it
    /// has one (`/time(out|d out)/` needs `time`), which SQLite checks far faster than a regex.
    static func condition(_ regex: FilterRegex) -> FilterSQLFragment {
        let test = FilterSQLFragment("event.message REGEXP ?", [.text(regex.source)])
        guard let literal = regex.requiredLiteral else { return test }
        let like = FilterSQLFragment.likePattern(FilterPattern(pieces: [.wildcard, .literal(literal), .wildcard]))
        return FilterSQLFragment("(event.message LIKE ? ESCAPE '\\' AND event.message REGEXP ?)", [.text(like), .text(regex.source)])
    }

    /// `regexp(pattern, text)`, which SQLite calls for `text REGEXP pattern`. A NULL text does
    /// not match; a pattern that does not compile (never sent by the filter compiler, which
    /// compiles it first) is an SQL error.
    static let function = DatabaseFunction("regexp", argumentCount: 2, pure: true) { values in
        guard let pattern = String.fromDatabaseValue(values[0]) else { return false }
        guard let text = String.fromDatabaseValue(values[1]) else { return false }
        return try cache.regex(for: pattern).matches(text)
    }

    /// Compiled patterns by text, at most ``Cache/capacity`` (the least recently compiled goes first).
    static let cache = Cache()

    final class Cache: Sendable {
        static let capacity = 32
        private let entries = Mutex<[(String, FilterRegex)]>([])

        func regex(for pattern: String) throws -> FilterRegex {
            if let found = entries.withLock({ list in list.first { $0.0 == pattern }?.1 }) { return found }
            let compiled: FilterRegex
            do {
                compiled = try FilterRegex(pattern)
            } catch {
                throw DatabaseError(message: error.description)
            }
            entries.withLock { list in
                list.append((pattern, compiled))
                if list.count > Self.capacity { list.removeFirst(list.count - Self.capacity) }
            }
            return compiled
        }
    }
}

import InquestCore

/// SQL for an attribute term: reads a key of `event.attributes` (JSON object text) with
/// `json_extract`, the JSON path bound as an argument. A dotted key (`http.method`) is looked
/// up as a flat key first (OpenTelemetry style) and then as a nested path (`{"http":{"method":…}}`).
struct FilterSQLAttribute {
    let key: String

    /// JSON paths to try, in order.
    var paths: [String] {
        let flat = "$." + Self.label(key)
        let segments = key.split(separator: ".", omittingEmptySubsequences: false)
        guard segments.count > 1, !segments.contains(where: \.isEmpty) else { return [flat] }
        return [flat, "$" + segments.map { "." + Self.label(String($0)) }.joined()]
    }

    private static func label(_ text: String) -> String { "\"" + text + "\"" }

    /// `function(event.attributes, ?)`, coalesced over the paths.
    private func read(_ function: String) -> FilterSQLFragment {
        let calls = paths.map { _ in "\(function)(event.attributes, ?)" }
        let sql = calls.count == 1 ? calls[0] : "coalesce(" + calls.joined(separator: ", ") + ")"
        return FilterSQLFragment(sql, paths.map { .text($0) }, mayBeNull: true)
    }

    /// The condition, narrowed first by the full-text index when the value is one the index
    /// must hold (see ``candidateQuery(_:_:)``): `status:504` then reads only rows whose
    /// attributes hold the token `504` instead of extracting JSON from every row it walks.
    ///
    /// `satisfied` is an FTS5 query the rows are known to match; when it is this term's own
    /// candidate query, the candidate test is left out.
    func condition(_ comparison: FilterComparison, _ value: FilterValue, satisfied: String? = nil) -> FilterSQLFragment {
        let exact = plainCondition(comparison, value)
        guard let query = candidateQuery(comparison, value), query != satisfied else { return exact }
        return FilterSQLFragment(
            "(event.id IN (SELECT rowid FROM fts.event_fts WHERE event_fts MATCH ?) AND \(exact.sql))",
            [.text(query)] + exact.arguments, mayBeNull: true, usesFullText: true)
    }

    /// An FTS5 query every row satisfying an equality must match, or nil when there is none
    /// that is safe. The attributes are indexed as their JSON text, so only values that JSON
    /// writes as typed qualify: integers (`504`; the number is matched as written, so a source
    /// writing it as `5.04e2` is not found) and exact ASCII text without quotes, backslashes or
    /// control characters (which JSON escapes). Globs and ordering comparisons use no index.
    ///
    /// The token is looked for in the attributes column only, so messages that mention the
    /// value (`upstream returned 504`) add no candidates. The key is not part of the query: a
    /// phrase `status 504` must read the positions of `status`, which nearly every row holds;
    /// on 1M bench events that made `service:payment status:504` 79 ms instead of 50 ms while
    /// it narrowed 12,688 candidates to 12,682.
    func candidateQuery(_ comparison: FilterComparison, _ value: FilterValue) -> String? {
        guard let valueText = Self.candidateValue(comparison, value) else { return nil }
        return "attributes : " + FilterFullTextQuery.quoted(.phrase(valueText))
    }

    /// The value as JSON writes it, when the index must hold it; see ``candidateQuery(_:_:)``.
    static func candidateValue(_ comparison: FilterComparison, _ value: FilterValue) -> String? {
        guard comparison == .equal else { return nil }
        let text: String
        switch value {
        case .number(_, let written):
            guard written.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }) else { return nil }
            text = written
        case .text(let pattern):
            guard let exact = pattern.exactText, writtenAsIs(exact) else { return nil }
            text = exact
        case .boolean:
            return nil
        }
        // At least one letter or digit, or FTS5 has no token to look for.
        guard text.unicodeScalars.contains(where: isTokenCharacter) else { return nil }
        return text
    }

    /// Printable ASCII that JSON writes without escapes (no quotes, backslashes or controls).
    private static func writtenAsIs(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F && $0 != 0x22 && $0 != 0x5C }
    }

    private static func isTokenCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
    }

    private func plainCondition(_ comparison: FilterComparison, _ value: FilterValue) -> FilterSQLFragment {
        let extracted = read("json_extract")
        switch value {
        case .number(let number, let text):
            let numberArgument: FilterSQLArgument = Self.integer(number).map { .integer($0) } ?? .real(number)
            if comparison == .equal {
                // A JSON number, or the same digits stored as a JSON string.
                return FilterSQLFragment(
                    "\(extracted.sql) IN (?, ?)", extracted.arguments + [numberArgument, .text(text)], mayBeNull: true
                )
            }
            // Only JSON numbers take part in ordering comparisons (SQLite orders text after numbers).
            let type = read("json_type")
            return FilterSQLFragment(
                "(\(type.sql) IN ('integer', 'real') AND \(extracted.sql) \(FilterSQLFragment.sqlOperator(comparison)) ?)",
                type.arguments + extracted.arguments + [numberArgument],
                mayBeNull: true
            )
        case .boolean(let flag):
            let type = read("json_type")
            return FilterSQLFragment("\(type.sql) = ?", type.arguments + [.text(flag ? "true" : "false")], mayBeNull: true)
        case .text(let pattern):
            if let exact = pattern.exactText {
                return FilterSQLFragment("\(extracted.sql) = ? COLLATE NOCASE", extracted.arguments + [.text(exact)], mayBeNull: true)
            }
            return FilterSQLFragment(
                "\(extracted.sql) LIKE ? ESCAPE '\\'",
                extracted.arguments + [.text(FilterSQLFragment.likePattern(pattern))],
                mayBeNull: true
            )
        }
    }

    /// The number as an integer when it is one exactly.
    private static func integer(_ number: Double) -> Int64? {
        guard number.rounded() == number, abs(number) < 9.0e15 else { return nil }
        return Int64(number)
    }
}

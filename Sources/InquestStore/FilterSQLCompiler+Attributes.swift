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

    func condition(_ comparison: FilterComparison, _ value: FilterValue) -> FilterSQLFragment {
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

extension MetricSeriesInfo {
    /// Whether the series matches `query`: every whitespace-separated word of it occurs,
    /// ignoring case, in the series name, a label's `key=value`, or its service. An empty query
    /// matches every series. (The series overlay filters as the user types; `inquest series PATTERN`
    /// lists the same matches.)
    public func matches(_ query: String) -> Bool {
        let words = query.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard !words.isEmpty else { return true }
        let haystack = searchText
        return words.allSatisfy { haystack.contains($0) }
    }

    /// The name and every `key=value` label, lower-cased, separated by newlines.
    private var searchText: String {
        ([name] + labels.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }).joined(separator: "\n").lowercased()
    }
}

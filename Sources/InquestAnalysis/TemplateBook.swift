import InquestCore

/// The stored log templates, read once per analysis: a stored id's current template (following
/// merges) and its text for evidence rows.
struct TemplateBook: Sendable {
    private var templates: [Int64: LogTemplate]

    init(_ templates: [Int64: LogTemplate]) { self.templates = templates }

    /// The id a stored template id reads as now (merges followed, at most 64 steps).
    func current(_ id: Int64) -> Int64 {
        var id = id
        for _ in 0..<64 {
            guard let next = templates[id]?.mergedInto, next != id else { break }
            id = next
        }
        return id
    }

    /// The template's text, shortened to `limit` characters with `…`.
    func text(_ id: Int64, limit: Int = 60) -> String {
        let text = templates[current(id)]?.text ?? "?"
        guard text.count > limit else { return text }
        return String(text.prefix(limit - 1)) + "…"
    }
}

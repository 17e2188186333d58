extension CanvasReducer {
    /// The formats `:export` offers (the report layer writes them), as `Tab` completes them.
    static let exportFormats = ["md", "json", "html", "pdf"]
    /// Other spellings `:export` accepts for them.
    static let exportFormatAliases = ["markdown", "htm"]

    /// `:export [FORMAT [PATH]]` on the current investigation (Markdown when no format is given):
    /// validates here, writes in an effect.
    static func export(_ state: inout CanvasState, argument: String?) -> [CanvasEffect] {
        guard let investigationID = state.investigations.currentID else {
            state.status = StatusMessage(.error, "Select an investigation to export (Investigations pane, or c to create one)")
            return []
        }
        let words = (argument ?? "").split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        let format = words.first.map { String($0).lowercased() } ?? "md"
        guard exportFormats.contains(format) || exportFormatAliases.contains(format) else {
            state.status = StatusMessage(.error, "Say which format: :export \(exportFormats.joined(separator: "|")) [PATH]")
            return []
        }
        let path = words.count > 1 ? String(words[1]).trimmingWhitespace : nil
        state.status = StatusMessage(.info, "Exporting investigation #\(investigationID) as \(format)…")
        return [.exportInvestigation(investigationID: investigationID, format: format, path: path?.isEmpty == true ? nil : path)]
    }
}

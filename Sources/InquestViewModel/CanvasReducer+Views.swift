import InquestCore

extension CanvasReducer {
    /// The store's history comes first; filters applied since the canvas opened stay the newest.
    static func filterMemoryLoaded(_ state: inout CanvasState, history: [String], views: [SavedView], tags: [String]) -> [CanvasEffect] {
        let session = state.filterBar.history.filter { !history.contains($0) }
        state.filterBar.history = Array((history + session).suffix(FilterBarState.historyLimit))
        state.filterBar.savedViews = views.sorted { $0.name < $1.name }
        state.filterBar.knownTags = tags
        return []
    }

    /// `:save NAME`: the filter, its scope (linked-only, opened-files-only) and the time mode.
    static func saveView(_ state: inout CanvasState, name: String?) -> [CanvasEffect] {
        guard let name = name?.trimmingWhitespace, !name.isEmpty, !name.contains(" ") else {
            state.status = StatusMessage(.error, "Name the view, in one word: :save NAME")
            return []
        }
        let view = SavedView(
            name: name, filter: state.filterBar.applied.text,
            linkedInvestigationID: state.timeline.onlyLinked ? state.investigations.currentID : nil,
            onlyOpened: state.timeline.onlyOpened, timeMode: state.timeline.timeMode.rawValue
        )
        let replaced = state.filterBar.savedViews.contains { $0.name == name }
        state.filterBar.savedViews = (state.filterBar.savedViews.filter { $0.name != name } + [view]).sorted { $0.name < $1.name }
        state.status = StatusMessage(.info, "\(replaced ? "Replaced" : "Saved") view \(name): \(describe(view)) — :view \(name) brings it back")
        return [.saveView(view)]
    }

    /// `:view NAME`: applies a saved view; without a name, lists them.
    static func openView(_ state: inout CanvasState, name: String?) -> [CanvasEffect] {
        guard let name = name?.trimmingWhitespace, !name.isEmpty else { return listViews(&state) }
        guard let view = state.filterBar.savedViews.first(where: { $0.name == name }) else {
            state.status = StatusMessage(.error, "No view named \(name) — :views lists them, :save NAME saves one")
            return []
        }
        let filter: Filter
        do {
            filter = try Filter.parse(view.filter)
        } catch {
            state.status = StatusMessage(.error, "View \(name) has a filter that no longer parses: \(error.description)")
            return []
        }
        state.timeline.timeMode = TimeDisplayMode(rawValue: view.timeMode) ?? state.timeline.timeMode
        var effects: [CanvasEffect] = []
        var note = ""
        if let investigationID = view.linkedInvestigationID {
            if let index = state.investigations.items.firstIndex(where: { $0.investigation.id == investigationID }) {
                if state.investigations.currentID != investigationID {
                    state.investigations.selected = index + 1
                    effects += currentInvestigationChanged(&state)
                }
                state.timeline.onlyLinked = true
            } else {
                state.timeline.onlyLinked = false
                note = " (investigation #\(investigationID) is gone: showing every event)"
            }
        } else {
            state.timeline.onlyLinked = false
        }
        state.timeline.onlyOpened = view.onlyOpened && !state.timeline.openedSources.isEmpty
        effects += apply(&state, filter)
        state.status = StatusMessage(.info, "View \(name): \(describe(view))" + note)
        return effects
    }

    /// `:views`: the saved views' names on the status line.
    static func listViews(_ state: inout CanvasState) -> [CanvasEffect] {
        let names = state.filterBar.savedViews.map(\.name)
        state.status = names.isEmpty
            ? StatusMessage(.info, "No saved views — :save NAME keeps the filter, scope and time mode")
            : StatusMessage(.info, "Views (:view NAME, Tab completes): " + names.joined(separator: " · "))
        return []
    }

    /// `:delete-view NAME`.
    static func deleteView(_ state: inout CanvasState, name: String?) -> [CanvasEffect] {
        guard let name = name?.trimmingWhitespace, !name.isEmpty else {
            state.status = StatusMessage(.error, "Say which view to delete: :delete-view NAME")
            return []
        }
        guard state.filterBar.savedViews.contains(where: { $0.name == name }) else {
            state.status = StatusMessage(.error, "No view named \(name)")
            return []
        }
        state.filterBar.savedViews.removeAll { $0.name == name }
        state.status = StatusMessage(.info, "Deleted view \(name)")
        return [.deleteView(name: name)]
    }

    /// `"sev:error" · linked to #3 · local time`.
    private static func describe(_ view: SavedView) -> String {
        var parts = [view.filter.isEmpty ? "every event" : "\"\(view.filter)\""]
        if let id = view.linkedInvestigationID { parts.append("linked to #\(id)") }
        if view.onlyOpened { parts.append("opened files only") }
        parts.append("\(view.timeMode) time")
        return parts.joined(separator: " · ")
    }
}

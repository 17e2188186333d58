import InquestCore

extension CanvasReducer {
    /// `:theme NAME`: asks the runtime to load and draw with the theme (a user file may have
    /// appeared since the canvas started, so a name not in the list is still tried); `:theme`
    /// alone lists them.
    static func switchTheme(_ state: inout CanvasState, name: String?) -> [CanvasEffect] {
        guard let name = name?.trimmingWhitespace, !name.isEmpty else {
            let names = state.theme.available.map { $0 == state.theme.current ? "[\($0)]" : $0 }
            state.status = StatusMessage(.info, "Themes (:theme NAME, Tab completes): " + names.joined(separator: " · "))
            return []
        }
        return [.switchTheme(name: name)]
    }

    /// The runtime draws with the new theme now.
    static func themeSwitched(_ state: inout CanvasState, name: String) -> [CanvasEffect] {
        state.theme.current = name
        if !state.theme.available.contains(name) { state.theme.available = (state.theme.available + [name]).sorted() }
        state.status = StatusMessage(.info, "Theme \(name)")
        return []
    }
}

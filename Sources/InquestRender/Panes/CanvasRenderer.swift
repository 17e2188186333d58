import InquestCore
import InquestText
import InquestViewModel

/// Draws a whole canvas state into a cell buffer: the four panes, the filter bar, the
/// status line and any open overlay. Pure: the same state and size give the same cells.
public enum CanvasRenderer {
    /// Draws the state into a new `width`×`height` buffer (the too-small screen below
    /// ``CanvasLayout/minimumWidth``×``CanvasLayout/minimumHeight``).
    public static func render(_ state: CanvasState, width: Int, height: Int) -> CellBuffer {
        var buffer = CellBuffer(width: max(0, width), height: max(0, height))
        guard let layout = state.layout(width: width, height: height) else {
            TooSmallScreen.draw(into: &buffer, width: width, height: height)
            return buffer
        }
        if let rect = layout.investigations { InvestigationsPane.draw(state, in: rect, into: &buffer) }
        if let rect = layout.timeline { TimelinePane.draw(state, in: rect, into: &buffer) }
        if let rect = layout.details { DetailsPane.draw(state, in: rect, into: &buffer) }
        if let rect = layout.notes { NotesPane.draw(state, in: rect, into: &buffer) }
        FilterBarView.draw(state, in: layout.filterBar, into: &buffer)
        StatusLineView.draw(state, in: layout.statusLine, into: &buffer)
        if state.form != nil {
            InvestigationFormOverlay.draw(state, into: &buffer)
        } else if state.editor != nil {
            NoteEditorOverlay.draw(state, into: &buffer)
        }
        if state.audit.overlay != nil { AuditOverlay.draw(state, into: &buffer) }
        if state.notifyOverlay != nil { NotifyOverlay.draw(state, into: &buffer) }
        if state.healthOverlay != nil { HealthOverlay.draw(state, into: &buffer) }
        if state.seriesOverlay != nil { SeriesOverlay.draw(state, into: &buffer) }
        if state.breakdown != nil { BreakdownOverlay.draw(state, into: &buffer) }
        if state.suspectsOverlay != nil { SuspectsOverlay.draw(state, into: &buffer) }
        if state.help != nil { HelpOverlay.draw(state, into: &buffer) }
        return buffer
    }
}

extension CellBuffer {
    /// Draws a pane's border and title in the focused or unfocused roles; returns the interior.
    mutating func paneFrame(_ rect: Rect, pane: Pane, focused: Bool, info: String? = nil) -> Rect {
        box(rect, title: pane.title, role: focused ? StyleRole.paneBorderFocused : StyleRole.paneBorder, titleRole: focused ? StyleRole.paneTitleFocused : StyleRole.paneTitle)
        if let info, !info.isEmpty {
            let text = " \(info) "
            let titleWidth = DisplayWidth.of(pane.title) + 4
            let available = rect.width - 2 - titleWidth
            if available >= 5 {
                let shown = DisplayWidth.truncate(text, to: available)
                put(shown, x: rect.maxX - 1 - DisplayWidth.of(shown), y: rect.y, role: focused ? StyleRole.paneTitleFocused : StyleRole.paneTitle)
            }
        }
        return rect.inset(by: 1)
    }

    /// Text padded to fill `width` columns from x (so a row's background role is continuous).
    mutating func putRow(_ text: String, x: Int, y: Int, width: Int, role: StyleRole) {
        guard width > 0 else { return }
        fill(Rect(x: x, y: y, width: width, height: 1), with: Cell(grapheme: " ", role: role))
        put(text, x: x, y: y, maxWidth: width, role: role)
    }
}

extension Int {
    /// The number with thousands separators (`1,234,567`).
    var grouped: String {
        let digits = String(magnitude)
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out += "," }
            out.append(character)
        }
        return self < 0 ? "-" + out : out
    }
}

import InquestViewModel

/// Where each pane and bar is drawn.
public struct PaneFrames: Sendable, Hashable {
    /// Pane rectangles (borders included); nil for panes hidden by maximise.
    public var investigations: Rect?
    public var timeline: Rect?
    public var details: Rect?
    public var notes: Rect?
    /// The filter bar row and the status line row.
    public var filterBar: Rect
    public var statusLine: Rect

    /// The rectangle of a pane, if shown.
    public func frame(of pane: Pane) -> Rect? {
        switch pane {
        case .investigations: investigations
        case .timeline: timeline
        case .details: details
        case .notes: notes
        }
    }
}

/// Pane layout as a pure function of terminal size, focus and maximise; the geometry is the
/// view-model's ``CanvasLayout`` (so page sizes and drawing always agree).
public enum PaneLayout {
    /// Nil when the terminal is smaller than ``CanvasLayout/minimumWidth``×``CanvasLayout/minimumHeight``.
    public static func layout(width: Int, height: Int, focus: Pane, maximised: Bool) -> PaneFrames? {
        guard let layout = CanvasLayout(width: width, height: height, focus: focus, maximised: maximised) else { return nil }
        return PaneFrames(
            investigations: layout.investigations,
            timeline: layout.timeline,
            details: layout.details,
            notes: layout.notes,
            filterBar: layout.filterBar,
            statusLine: layout.statusLine
        )
    }

}

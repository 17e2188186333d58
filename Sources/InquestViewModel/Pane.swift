/// The four panes of the canvas, in focus order.
public enum Pane: String, Sendable, Hashable, CaseIterable {
    case investigations
    case timeline
    case details
    case notes

    /// The title drawn in the pane's border.
    public var title: String {
        switch self {
        case .investigations: "Investigations"
        case .timeline: "Timeline"
        case .details: "Details"
        case .notes: "Notes"
        }
    }

    /// The pane after this one in focus order (wrapping).
    public var next: Pane {
        let all = Pane.allCases
        let index = all.firstIndex(of: self) ?? 0
        return all[(index + 1) % all.count]
    }

    /// The pane before this one in focus order (wrapping).
    public var previous: Pane {
        let all = Pane.allCases
        let index = all.firstIndex(of: self) ?? 0
        return all[(index + all.count - 1) % all.count]
    }
}

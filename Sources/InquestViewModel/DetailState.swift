/// The details pane: the selected event's detail, its lines wrapped to the pane, and the
/// scroll offset.
public struct DetailState: Sendable, Hashable {
    /// The loaded detail (of the cursor's event once it arrives).
    public var detail: EventDetail? {
        didSet { lines = Self.lines(of: detail, width: width) }
    }
    /// Columns the lines are wrapped to (the pane's inner width); nil leaves them unwrapped.
    public var width: Int? {
        didSet { if width != oldValue { lines = Self.lines(of: detail, width: width) } }
    }
    /// The detail as sanitised lines wrapped to ``width``: built once when the detail or the
    /// width changes, then read by scrolling and by every frame's drawing.
    public private(set) var lines: [[DetailSpan]]
    /// First visible line of the details text.
    public var scroll: Int

    public init(detail: EventDetail? = nil, width: Int? = nil, scroll: Int = 0) {
        self.detail = detail
        self.width = width
        self.scroll = scroll
        lines = Self.lines(of: detail, width: width)
    }

    private static func lines(of detail: EventDetail?, width: Int?) -> [[DetailSpan]] {
        detail.map { DetailLines.build($0, width: width) } ?? []
    }
}

extension CanvasLayout {
    /// Columns inside the details pane's border, nil when the pane is hidden.
    public var detailsTextWidth: Int? {
        details.map { max(0, $0.width - 2) }
    }
}

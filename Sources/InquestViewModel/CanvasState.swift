import InquestCore

/// Everything the canvas screen shows, as one value. The renderer draws it; the reducer
/// changes it; nothing else holds screen state.
public struct CanvasState: Sendable, Hashable {
    /// Terminal size in cells.
    public var width: Int
    public var height: Int
    /// The pane keys go to.
    public var focus: Pane
    /// The focused pane fills the screen.
    public var maximised: Bool
    /// The Investigations pane.
    public var investigations: InvestigationListState
    /// The Timeline pane's window of events.
    public var timeline: TimelineState
    /// The density strip above the timeline.
    public var density: DensityState
    /// The Details pane.
    public var details: DetailState
    /// The Notes pane.
    public var notes: NotesState
    /// The `/` filter bar and the applied filter.
    public var filterBar: FilterBarState
    /// The open `:`/`@`/tag prompt, if any.
    public var prompt: PromptState?
    /// The open help overlay, if any.
    public var help: HelpOverlayState?
    /// The open note editor, if any.
    public var editor: NoteEditorState?
    /// The open feed-health overlay, if any.
    public var healthOverlay: HealthOverlayState?
    /// The open series overlay, if any.
    public var seriesOverlay: SeriesOverlayState?
    /// The open suspects overlay, if any.
    public var suspectsOverlay: SuspectsOverlayState?
    /// The open notification-subscriptions overlay (`:notify`), if any.
    public var notifyOverlay: NotifyOverlayState? = nil
    /// The open investigation form, if any.
    public var form: InvestigationFormState?
    /// The open breakdown overlay, if any.
    public var breakdown: BreakdownOverlayState?
    /// Who last edited notes and investigations, and the `:log` overlay.
    public var audit: AuditState
    /// The status line's message, if any.
    public var status: StatusMessage?
    /// The ingest of the files the canvas was opened on, if any (shown on the status line).
    public var ingest: BackgroundIngestState?
    /// The team database's link, when the canvas works on one (shown on the status line).
    public var team: TeamLinkState?
    /// The current time (for relative times), updated by `tick`.
    public var now: Timestamp
    /// Local zone offset for the `local` time mode.
    public var localOffsetSeconds: Int64
    /// Loads in flight, by kind.
    public var pending: PendingRequests
    /// The id the next effect request gets.
    public var nextRequestID: Int
    /// Set by `quit`; the runtime stops after executing the effect.
    public var isQuitting: Bool
    /// The colour theme shown and the ones `:theme NAME` can switch to.
    public var theme = ThemeChoice()

    public init(
        width: Int = 80,
        height: Int = 24,
        focus: Pane = .timeline,
        maximised: Bool = false,
        investigations: InvestigationListState = InvestigationListState(),
        timeline: TimelineState = TimelineState(),
        density: DensityState = DensityState(),
        details: DetailState = DetailState(),
        notes: NotesState = NotesState(),
        filterBar: FilterBarState = FilterBarState(),
        prompt: PromptState? = nil,
        help: HelpOverlayState? = nil,
        editor: NoteEditorState? = nil,
        form: InvestigationFormState? = nil,
        audit: AuditState = AuditState(),
        status: StatusMessage? = nil,
        now: Timestamp = Timestamp(nanoseconds: 0),
        localOffsetSeconds: Int64 = 0,
        pending: PendingRequests = PendingRequests(),
        nextRequestID: Int = 1,
        isQuitting: Bool = false,
        healthOverlay: HealthOverlayState? = nil,
        seriesOverlay: SeriesOverlayState? = nil,
        breakdown: BreakdownOverlayState? = nil,
        suspectsOverlay: SuspectsOverlayState? = nil
    ) {
        self.width = width
        self.height = height
        self.focus = focus
        self.maximised = maximised
        self.investigations = investigations
        self.timeline = timeline
        self.density = density
        self.details = details
        self.notes = notes
        self.filterBar = filterBar
        self.prompt = prompt
        self.help = help
        self.editor = editor
        self.form = form
        self.audit = audit
        self.status = status
        self.now = now
        self.localOffsetSeconds = localOffsetSeconds
        self.pending = pending
        self.nextRequestID = nextRequestID
        self.isQuitting = isQuitting
        self.healthOverlay = healthOverlay
        self.seriesOverlay = seriesOverlay
        self.breakdown = breakdown
        self.suspectsOverlay = suspectsOverlay
        if let width = layout?.detailsTextWidth { self.details.width = width }
    }

    /// The query the timeline shows: the applied filter in the current scope.
    public var query: TimelineQuery {
        if let context = timeline.context { return context.query }
        var query = TimelineQuery(filter: filterBar.applied).linked(to: timeline.onlyLinked ? investigations.currentID : nil)
        if timeline.onlyOpened, let sources = TimelineState.sourceScope(timeline.openedSources) {
            query = query.narrowed(by: sources)
        }
        return query
    }

    /// The pane layout for the current size, focus and maximise flag (nil when too small).
    public var layout: CanvasLayout? {
        layout(width: width, height: height)
    }

    /// The pane layout of this state drawn at another size (nil when too small).
    public func layout(width: Int, height: Int) -> CanvasLayout? {
        CanvasLayout(width: width, height: height, focus: focus, maximised: maximised, investigationRows: investigations.rowCount)
    }

    /// Timeline event rows visible on screen (at least 1, so paging always moves).
    public var timelinePageSize: Int {
        max(1, layout?.timelineEventRows ?? 1)
    }
}

/// A message on the status line.
public struct StatusMessage: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case info
        case error
    }

    /// Info or error (drawn in different roles).
    public var kind: Kind
    /// The message.
    public var text: String

    public init(_ kind: Kind, _ text: String) {
        self.kind = kind
        self.text = text
    }
}

import InquestCore

/// The role catalogue (`StyleRole.all`): every theme defines all of
/// these, and a test fails when one is missing.
extension StyleRole {
    /// `dim`: Secondary, de-emphasised text (hints, empty-state messages).
    public static let dim: StyleRole = "dim"
    /// `pane.border`: Border of a pane without focus.
    public static let paneBorder: StyleRole = "pane.border"
    /// `pane.border.focused`: Border of the focused pane.
    public static let paneBorderFocused: StyleRole = "pane.border.focused"
    /// `pane.title`: Title in the top border of a pane without focus.
    public static let paneTitle: StyleRole = "pane.title"
    /// `pane.title.focused`: Title in the top border of the focused pane.
    public static let paneTitleFocused: StyleRole = "pane.title.focused"
    /// `statusbar`: The status bar background and plain text.
    public static let statusbar: StyleRole = "statusbar"
    /// `statusbar.key`: A key name shown in the status bar hints.
    public static let statusbarKey: StyleRole = "statusbar.key"
    /// `statusbar.info`: An informational message in the status bar.
    public static let statusbarInfo: StyleRole = "statusbar.info"
    /// `statusbar.error`: An error message in the status bar.
    public static let statusbarError: StyleRole = "statusbar.error"
    /// `filterbar`: The filter/command prompt line.
    public static let filterbar: StyleRole = "filterbar"
    /// `filterbar.prompt`: The prompt glyph (`/`, `:`) of the filter bar.
    public static let filterbarPrompt: StyleRole = "filterbar.prompt"
    /// `filterbar.error`: A filter parse error and its column marker.
    public static let filterbarError: StyleRole = "filterbar.error"
    /// `filterbar.caret`: The text cursor in the filter bar.
    public static let filterbarCaret: StyleRole = "filterbar.caret"
    /// `selection`: The selected row in the focused pane.
    public static let selection: StyleRole = "selection"
    /// `selection.unfocused`: The selected row in a pane without focus.
    public static let selectionUnfocused: StyleRole = "selection.unfocused"
    /// `match.highlight`: Text matching the current search or filter.
    public static let matchHighlight: StyleRole = "match.highlight"
    /// `timeline.time`: Timestamp column of the timeline.
    public static let timelineTime: StyleRole = "timeline.time"
    /// `timeline.service`: Service column of the timeline.
    public static let timelineService: StyleRole = "timeline.service"
    /// `timeline.host`: Host column of the timeline.
    public static let timelineHost: StyleRole = "timeline.host"
    /// `timeline.message`: Message column of the timeline.
    public static let timelineMessage: StyleRole = "timeline.message"
    /// `timeline.marker.star`: Star marker on a timeline row.
    public static let timelineMarkerStar: StyleRole = "timeline.marker.star"
    /// `timeline.marker.tag`: Tag marker on a timeline row.
    public static let timelineMarkerTag: StyleRole = "timeline.marker.tag"
    /// `timeline.marker.link`: Marker of an event linked to the investigation.
    public static let timelineMarkerLink: StyleRole = "timeline.marker.link"
    /// `timeline.severity.debug`: Severity badge of a debug event.
    public static let timelineSeverityDebug: StyleRole = "timeline.severity.debug"
    /// `timeline.severity.info`: Severity badge of an info event.
    public static let timelineSeverityInfo: StyleRole = "timeline.severity.info"
    /// `timeline.severity.warning`: Severity badge of a warning event.
    public static let timelineSeverityWarning: StyleRole = "timeline.severity.warning"
    /// `timeline.severity.error`: Severity badge of an error event.
    public static let timelineSeverityError: StyleRole = "timeline.severity.error"
    /// `timeline.severity.critical`: Severity badge of a critical event.
    public static let timelineSeverityCritical: StyleRole = "timeline.severity.critical"
    /// `source.log`: Source badge of a log event.
    public static let sourceLog: StyleRole = "source.log"
    /// `source.metric`: Source badge of a metric event.
    public static let sourceMetric: StyleRole = "source.metric"
    /// `source.trace`: Source badge of a trace event.
    public static let sourceTrace: StyleRole = "source.trace"
    /// `source.change`: Source badge of a change (commit, deploy).
    public static let sourceChange: StyleRole = "source.change"
    /// `source.ci`: Source badge of a CI result.
    public static let sourceCi: StyleRole = "source.ci"
    /// `source.alert`: Source badge of an alert.
    public static let sourceAlert: StyleRole = "source.alert"
    /// `source.note`: Source badge of an investigator's note.
    public static let sourceNote: StyleRole = "source.note"
    /// `density.bar`: Bars of the event-density histogram.
    public static let densityBar: StyleRole = "density.bar"
    /// `density.error`: Part of a density bar counting errors.
    public static let densityError: StyleRole = "density.error"
    /// `density.cursor`: The histogram bucket under the timeline cursor.
    public static let densityCursor: StyleRole = "density.cursor"
    /// `density.axis`: Time axis labels under the histogram.
    public static let densityAxis: StyleRole = "density.axis"
    /// `details.section`: Section heading in the details pane.
    public static let detailsSection: StyleRole = "details.section"
    /// `details.key`: Field name in the details pane.
    public static let detailsKey: StyleRole = "details.key"
    /// `details.value`: Field value in the details pane.
    public static let detailsValue: StyleRole = "details.value"
    /// `details.raw`: The raw record text in the details pane.
    public static let detailsRaw: StyleRole = "details.raw"
    /// `details.json.key`: Object key in pretty-printed JSON.
    public static let detailsJsonKey: StyleRole = "details.json.key"
    /// `details.json.string`: String value in pretty-printed JSON.
    public static let detailsJsonString: StyleRole = "details.json.string"
    /// `details.json.number`: Number value in pretty-printed JSON.
    public static let detailsJsonNumber: StyleRole = "details.json.number"
    /// `details.json.literal`: `true`, `false` and `null` in pretty-printed JSON.
    public static let detailsJsonLiteral: StyleRole = "details.json.literal"
    /// `details.json.punctuation`: Braces, brackets, colons and commas in pretty-printed JSON.
    public static let detailsJsonPunctuation: StyleRole = "details.json.punctuation"
    /// `investigation.status.open`: Status of an open investigation.
    public static let investigationStatusOpen: StyleRole = "investigation.status.open"
    /// `investigation.status.investigating`: Status of an investigation in progress.
    public static let investigationStatusInvestigating: StyleRole = "investigation.status.investigating"
    /// `investigation.status.resolved`: Status of a resolved investigation.
    public static let investigationStatusResolved: StyleRole = "investigation.status.resolved"
    /// `investigation.severity.sev1`: Incident severity SEV1 (most severe).
    public static let investigationSeveritySev1: StyleRole = "investigation.severity.sev1"
    /// `investigation.severity.sev2`: Incident severity SEV2.
    public static let investigationSeveritySev2: StyleRole = "investigation.severity.sev2"
    /// `investigation.severity.sev3`: Incident severity SEV3.
    public static let investigationSeveritySev3: StyleRole = "investigation.severity.sev3"
    /// `investigation.severity.sev4`: Incident severity SEV4 (least severe).
    public static let investigationSeveritySev4: StyleRole = "investigation.severity.sev4"
    /// `investigation.count`: Event/note counts in the investigations list.
    public static let investigationCount: StyleRole = "investigation.count"
    /// `notes.author`: Author of a note.
    public static let notesAuthor: StyleRole = "notes.author"
    /// `notes.time`: Time a note was written.
    public static let notesTime: StyleRole = "notes.time"
    /// `notes.body`: Body text of a note.
    public static let notesBody: StyleRole = "notes.body"
    /// `notes.reference`: A reference from a note to an event.
    public static let notesReference: StyleRole = "notes.reference"
    /// `editor.text`: Text in the inline note editor.
    public static let editorText: StyleRole = "editor.text"
    /// `editor.cursor`: The cursor in the inline note editor.
    public static let editorCursor: StyleRole = "editor.cursor"
    /// `editor.border`: Border of the inline note editor.
    public static let editorBorder: StyleRole = "editor.border"
    /// `form.label`: Label of a form field (new investigation, tag).
    public static let formLabel: StyleRole = "form.label"
    /// `form.field`: Input field of a form.
    public static let formField: StyleRole = "form.field"
    /// `form.field.focused`: The form field that has focus.
    public static let formFieldFocused: StyleRole = "form.field.focused"
    /// `help.title`: Title of the help overlay.
    public static let helpTitle: StyleRole = "help.title"
    /// `help.group`: Command group heading in the help overlay.
    public static let helpGroup: StyleRole = "help.group"
    /// `help.key`: Key binding in the help overlay.
    public static let helpKey: StyleRole = "help.key"
    /// `help.text`: Command description in the help overlay.
    public static let helpText: StyleRole = "help.text"
    /// `overlay.border`: Border of overlays (help, forms, pickers).
    public static let overlayBorder: StyleRole = "overlay.border"
    /// `banner.warning`: Warning banner (e.g. terminal too small, read-only store).
    public static let bannerWarning: StyleRole = "banner.warning"

    /// Every role a theme must define, in catalogue order. Panes draw with these roles only.
    public static let all: [StyleRole] = [
        .base,
        .dim,
        .paneBorder,
        .paneBorderFocused,
        .paneTitle,
        .paneTitleFocused,
        .statusbar,
        .statusbarKey,
        .statusbarInfo,
        .statusbarError,
        .filterbar,
        .filterbarPrompt,
        .filterbarError,
        .filterbarCaret,
        .selection,
        .selectionUnfocused,
        .matchHighlight,
        .timelineTime,
        .timelineService,
        .timelineHost,
        .timelineMessage,
        .timelineMarkerStar,
        .timelineMarkerTag,
        .timelineMarkerLink,
        .timelineSeverityDebug,
        .timelineSeverityInfo,
        .timelineSeverityWarning,
        .timelineSeverityError,
        .timelineSeverityCritical,
        .sourceLog,
        .sourceMetric,
        .sourceTrace,
        .sourceChange,
        .sourceCi,
        .sourceAlert,
        .sourceNote,
        .densityBar,
        .densityError,
        .densityCursor,
        .densityAxis,
        .detailsSection,
        .detailsKey,
        .detailsValue,
        .detailsRaw,
        .detailsJsonKey,
        .detailsJsonString,
        .detailsJsonNumber,
        .detailsJsonLiteral,
        .detailsJsonPunctuation,
        .investigationStatusOpen,
        .investigationStatusInvestigating,
        .investigationStatusResolved,
        .investigationSeveritySev1,
        .investigationSeveritySev2,
        .investigationSeveritySev3,
        .investigationSeveritySev4,
        .investigationCount,
        .notesAuthor,
        .notesTime,
        .notesBody,
        .notesReference,
        .editorText,
        .editorCursor,
        .editorBorder,
        .formLabel,
        .formField,
        .formFieldFocused,
        .helpTitle,
        .helpGroup,
        .helpKey,
        .helpText,
        .overlayBorder,
        .bannerWarning,
    ]

    /// The timeline role for a severity (`timeline.severity.<name>`).
    public static func severity(_ severity: Severity) -> StyleRole {
        switch severity {
        case .debug: .timelineSeverityDebug
        case .info: .timelineSeverityInfo
        case .warning: .timelineSeverityWarning
        case .error: .timelineSeverityError
        case .critical: .timelineSeverityCritical
        }
    }

    /// The role for an event source (`source.<kind>`).
    public static func source(_ kind: SourceKind) -> StyleRole {
        switch kind {
        case .log: .sourceLog
        case .metric: .sourceMetric
        case .trace: .sourceTrace
        case .change: .sourceChange
        case .ci: .sourceCi
        case .alert: .sourceAlert
        case .note: .sourceNote
        }
    }
}

import InquestCore
import InquestViewModel

/// The style roles the panes draw with (names from the theme role catalogue).
enum PaneRole {
    static let base: StyleRole = "base"
    static let dim: StyleRole = "dim"
    static let border: StyleRole = "pane.border"
    static let borderFocused: StyleRole = "pane.border.focused"
    static let title: StyleRole = "pane.title"
    static let titleFocused: StyleRole = "pane.title.focused"
    static let statusbar: StyleRole = "statusbar"
    static let statusbarKey: StyleRole = "statusbar.key"
    static let statusbarInfo: StyleRole = "statusbar.info"
    static let statusbarError: StyleRole = "statusbar.error"
    static let filterbar: StyleRole = "filterbar"
    static let filterbarPrompt: StyleRole = "filterbar.prompt"
    static let filterbarError: StyleRole = "filterbar.error"
    static let filterbarCaret: StyleRole = "filterbar.caret"
    static let selection: StyleRole = "selection"
    static let selectionUnfocused: StyleRole = "selection.unfocused"
    static let matchHighlight: StyleRole = "match.highlight"
    static let timelineTime: StyleRole = "timeline.time"
    static let timelineService: StyleRole = "timeline.service"
    static let timelineMessage: StyleRole = "timeline.message"
    static let markerStar: StyleRole = "timeline.marker.star"
    static let markerTag: StyleRole = "timeline.marker.tag"
    static let markerLink: StyleRole = "timeline.marker.link"
    static let densityBar: StyleRole = "density.bar"
    static let densityError: StyleRole = "density.error"
    static let densityCursor: StyleRole = "density.cursor"
    static let densityAxis: StyleRole = "density.axis"
    static let investigationCount: StyleRole = "investigation.count"
    static let notesAuthor: StyleRole = "notes.author"
    static let notesTime: StyleRole = "notes.time"
    static let notesBody: StyleRole = "notes.body"
    static let notesReference: StyleRole = "notes.reference"
    static let editorText: StyleRole = "editor.text"
    static let editorCursor: StyleRole = "editor.cursor"
    static let editorBorder: StyleRole = "editor.border"
    static let formLabel: StyleRole = "form.label"
    static let formField: StyleRole = "form.field"
    static let formFieldFocused: StyleRole = "form.field.focused"
    static let helpTitle: StyleRole = "help.title"
    static let helpGroup: StyleRole = "help.group"
    static let helpKey: StyleRole = "help.key"
    static let helpText: StyleRole = "help.text"
    static let overlayBorder: StyleRole = "overlay.border"
    static let bannerWarning: StyleRole = "banner.warning"

    static func severity(_ severity: Severity) -> StyleRole {
        StyleRole("timeline.severity." + severity.name)
    }

    static func source(_ kind: SourceKind) -> StyleRole {
        StyleRole("source." + kind.rawValue)
    }

    static func status(_ status: Investigation.Status) -> StyleRole {
        StyleRole("investigation.status." + status.rawValue)
    }

    static func incidentSeverity(_ severity: Investigation.IncidentSeverity) -> StyleRole {
        StyleRole("investigation.severity." + severity.rawValue.lowercased())
    }

    static func detail(_ kind: DetailSpanKind) -> StyleRole {
        switch kind {
        case .section: "details.section"
        case .key, .hint: "details.key"
        case .value: "details.value"
        case .raw: "details.raw"
        case .jsonKey: "details.json.key"
        case .jsonString: "details.json.string"
        case .jsonNumber: "details.json.number"
        case .jsonLiteral: "details.json.literal"
        case .jsonPunctuation: "details.json.punctuation"
        // The span tree reuses existing roles, so every theme already styles it.
        case .span: "details.value"
        case .spanError: "timeline.severity.error"
        case .spanSelected: "selection.unfocused"
        case .spanBar: "source.trace"
        }
    }

    /// Every role the panes can draw with (a test checks them against the theme catalogue).
    static var all: [StyleRole] {
        [base, dim, border, borderFocused, title, titleFocused, statusbar, statusbarKey, statusbarInfo, statusbarError,
         filterbar, filterbarPrompt, filterbarError, filterbarCaret, selection, selectionUnfocused, matchHighlight,
         timelineTime, timelineService, timelineMessage, markerStar, markerTag, markerLink,
         densityBar, densityError, densityCursor, densityAxis, investigationCount,
         notesAuthor, notesTime, notesBody, notesReference, editorText, editorCursor, editorBorder,
         formLabel, formField, formFieldFocused, helpTitle, helpGroup, helpKey, helpText, overlayBorder, bannerWarning]
            + Severity.allCases.map(severity) + SourceKind.allCases.map(source)
            + Investigation.Status.allCases.map(status) + Investigation.IncidentSeverity.allCases.map(incidentSeverity)
            + [DetailSpanKind.section, .key, .value, .raw, .jsonKey, .jsonString, .jsonNumber, .jsonLiteral, .jsonPunctuation].map(detail)
    }
}

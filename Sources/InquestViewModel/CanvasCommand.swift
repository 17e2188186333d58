/// Every command of the canvas: the one table behind key bindings, the `:` prompt, the
/// help overlay and `docs/keybindings.md` (as tig's request table).
public enum CanvasCommand: String, Sendable, Hashable, CaseIterable {
    case quit
    case help
    case feedHealth = "feeds.health"
    case seriesOverlay = "series"
    case suspects
    case theme
    case commandPrompt = "command-prompt"
    case cancel
    case focusNext = "focus.next"
    case focusPrevious = "focus.previous"
    case focusInvestigations = "focus.investigations"
    case focusTimeline = "focus.timeline"
    case focusDetails = "focus.details"
    case focusNotes = "focus.notes"
    case maximise = "pane.maximise"
    case cursorDown = "cursor.down"
    case cursorUp = "cursor.up"
    case pageDown = "cursor.page-down"
    case pageUp = "cursor.page-up"
    case halfPageDown = "cursor.half-page-down"
    case halfPageUp = "cursor.half-page-up"
    case first = "cursor.first"
    case last = "cursor.last"
    case filter
    case jump = "timeline.jump"
    case nextError = "timeline.next-error"
    case previousError = "timeline.previous-error"
    case nextMatch = "timeline.next-match"
    case previousMatch = "timeline.previous-match"
    case search = "timeline.search"
    case saveView = "view.save"
    case openView = "view.open"
    case listViews = "view.list"
    case deleteView = "view.delete"
    case timeMode = "timeline.time-mode"
    case follow = "timeline.follow"
    case onlyLinked = "timeline.only-linked"
    case onlyOpened = "timeline.only-opened"
    case context = "timeline.context"
    case jumpToEvent = "timeline.event"
    case zoomIn = "density.zoom-in"
    case zoomOut = "density.zoom-out"
    case star = "event.star"
    case yank = "event.yank"
    case tag = "event.tag"
    case untag = "event.untag"
    case link = "event.link"
    case unlink = "event.unlink"
    case filterTrace = "details.filter-trace"
    case createInvestigation = "investigation.create"
    case editInvestigation = "investigation.edit"
    case exportInvestigation = "investigation.export"
    case addNote = "note.add"
    case editNote = "note.edit"
    case editNoteExternally = "note.edit-external"
    case openCitation = "note.open-citation"
    case auditLog = "investigation.log"
    case notifySubscriptions = "investigation.notify"
    case overlayClose = "overlay.close"
    case overlaySubmit = "overlay.submit"
    case helpScrollDown = "help.scroll-down"
    case helpScrollUp = "help.scroll-up"
    case helpPageDown = "help.page-down"
    case helpPageUp = "help.page-up"
    case helpTop = "help.top"
    case helpBottom = "help.bottom"
    case filterHistoryPrevious = "filter.history-previous"
    case filterHistoryNext = "filter.history-next"
    case promptComplete = "prompt.complete"
    case promptCompletePrevious = "prompt.complete-previous"
    case noteSave = "note.save"
    case noteCite = "note.cite"
    case formNextField = "form.next-field"
    case formPreviousField = "form.previous-field"
    case seriesDown = "series.down"
    case seriesUp = "series.up"
    case seriesPageDown = "series.page-down"
    case seriesPageUp = "series.page-up"
    case seriesFirst = "series.first"
    case seriesLast = "series.last"
    case breakdown
    case breakdownNextDimension = "breakdown.next-dimension"
    case breakdownPreviousDimension = "breakdown.previous-dimension"
    case breakdownCompare = "breakdown.compare"
    case breakdownTraces = "breakdown.traces"
    case suspectsNext = "suspects.next"
    case suspectsPrevious = "suspects.previous"
    case suspectsLink = "suspects.link"

    /// The name used in keymap files and at the `:` prompt.
    public var name: String { rawValue }

    /// The help-overlay group the command is listed under.
    public var group: String { info.group }

    /// One line saying what the command does.
    public var help: String { info.help }

    /// The groups in the order the help overlay lists them.
    public static let groups = ["General", "Panes", "Movement", "Timeline", "Events", "Investigations", "Notes", "Overlays"]

    /// Short names the `:` prompt also accepts.
    public static let aliases: [String: CanvasCommand] = ["q": .quit, "h": .help, "f": .filter, "tag": .tag, "untag": .untag, "star": .star, "link": .link, "unlink": .unlink, "jump": .jump, "export": .exportInvestigation, "log": .auditLog, "context": .context, "event": .jumpToEvent, "yank": .yank, "notify": .notifySubscriptions, "search": .search, "save": .saveView, "view": .openView, "views": .listViews, "delete-view": .deleteView]

    /// Looks a command up by name or alias.
    public init?(name: String) {
        if let command = CanvasCommand(rawValue: name) ?? Self.aliases[name] {
            self = command
        } else {
            return nil
        }
    }

    private var info: (group: String, help: String) {
        switch self {
        case .quit: ("General", "Quit the canvas")
        case .help: ("General", "Show or hide this help")
        case .feedHealth: ("General", "Show or hide the watcher's feed health (state, lag, errors; refreshed every second)")
        case .seriesOverlay: ("Timeline", "Metric series overlay: filter, chart one (Enter)")
        case .suspects: ("General", "Rank suspect services at the selected event's time (or the latest error burst), with their evidence")
        case .commandPrompt: ("General", "Run a command by name (:quit, :filter TEXT, :tag NAME, :jump 10:42)")
        case .cancel: ("General", "Close the open overlay or prompt, clear the message")
        case .focusNext: ("Panes", "Focus the next pane")
        case .focusPrevious: ("Panes", "Focus the previous pane")
        case .focusInvestigations: ("Panes", "Focus the Investigations pane")
        case .focusTimeline: ("Panes", "Focus the Timeline pane")
        case .focusDetails: ("Panes", "Focus the Details pane")
        case .focusNotes: ("Panes", "Focus the Notes pane")
        case .maximise: ("Panes", "Maximise the focused pane (again to restore)")
        case .cursorDown: ("Movement", "Move down one row")
        case .cursorUp: ("Movement", "Move up one row")
        case .pageDown: ("Movement", "Move down one page")
        case .pageUp: ("Movement", "Move up one page")
        case .halfPageDown: ("Movement", "Move down half a page")
        case .halfPageUp: ("Movement", "Move up half a page")
        case .first: ("Movement", "Go to the first row (oldest event)")
        case .last: ("Movement", "Go to the last row (newest event)")
        case .filter: ("Timeline", "Edit the filter (:filter TEXT applies TEXT)")
        case .jump: ("Timeline", "Jump to a time: 10:42, -15m, 2026-11-20T10:42Z")
        case .promptComplete: ("Overlays", "Complete the command or its argument (view names, tags, formats); again: the next candidate")
        case .promptCompletePrevious: ("Overlays", "The previous completion candidate")
        case .saveView: ("Timeline", "Save the filter, its scope and the time mode as a view: :save NAME")
        case .openView: ("Timeline", "Show a saved view: :view NAME (Tab completes the name)")
        case .listViews: ("Timeline", "List the saved views: :views")
        case .deleteView: ("Timeline", "Delete a saved view: :delete-view NAME")
        case .theme: ("General", "Switch the colour theme (:theme light; :theme alone lists them, Tab completes)")
        case .search: ("Timeline", "Search the filtered rows for text (inside words) or /regex/; n/N go to the next/previous match, the filter stays (:search TEXT; blank clears)")
        case .nextError: ("Timeline", "Next error or critical event")
        case .previousError: ("Timeline", "Previous error or critical event")
        case .nextMatch: ("Timeline", "Next event matching the search (Ctrl-S), else the filter's words; wraps at the end")
        case .previousMatch: ("Timeline", "Previous event matching the search (Ctrl-S), else the filter's words; wraps at the start")
        case .timeMode: ("Timeline", "Show times in UTC, local or relative")
        case .follow: ("Timeline", "Follow new events (toggle)")
        case .onlyLinked: ("Timeline", "Show only events linked to the current investigation (toggle)")
        case .onlyOpened: ("Timeline", "Show only the files opened by inquest FILE (toggle)")
        case .context: ("Timeline", "Every event within ±5m of the selected one, unfiltered (:context 10m); Esc goes back")
        case .jumpToEvent: ("Timeline", "Show an event by its id in its context (:event ID; inquest --event ID opens on it)")
        case .zoomIn: ("Timeline", "Zoom the density strip in")
        case .zoomOut: ("Timeline", "Zoom the density strip out")
        case .star: ("Events", "Star or unstar the selected event")
        case .yank: ("Events", "Copy the selected event's message to the clipboard (:yank raw, :yank json, :yank link for inquest --event ID)")
        case .tag: ("Events", "Tag the selected event (:tag NAME)")
        case .untag: ("Events", "Remove a tag from the selected event (:untag NAME)")
        case .link: ("Events", "Link the selected event to the current investigation")
        case .unlink: ("Events", "Unlink the selected event from the current investigation")
        case .filterTrace: ("Events", "Filter on the selected event's trace id (or request id)")
        case .createInvestigation: ("Investigations", "Create an investigation")
        case .editInvestigation: ("Investigations", "Edit the selected investigation")
        case .auditLog: ("Investigations", "Show the selected investigation's audit trail (:log)")
        case .notifySubscriptions: ("Investigations", "Notification subscriptions of the selected investigation; Space turns one on or off for it (:notify)")
        case .exportInvestigation: ("Investigations", "Export the current investigation next to the database (:export md|json|html|pdf [PATH])")
        case .addNote: ("Notes", "Add a note to the current investigation (about the selected event)")
        case .editNote: ("Notes", "Edit the selected note in the canvas")
        case .editNoteExternally: ("Notes", "Edit the selected note in $EDITOR")
        case .openCitation: ("Notes", "Show the event the selected note cites ([[event:ID]]) in its context; a note citing none is edited")
        case .overlayClose: ("Overlays", "Close the overlay, prompt, editor or form without applying it")
        case .overlaySubmit: ("Overlays", "Apply the filter, run the prompt, or save the form")
        case .helpScrollDown: ("Overlays", "Scroll the help down one line")
        case .helpScrollUp: ("Overlays", "Scroll the help up one line")
        case .helpPageDown: ("Overlays", "Scroll the help down one page")
        case .helpPageUp: ("Overlays", "Scroll the help up one page")
        case .helpTop: ("Overlays", "Scroll to the top of the help")
        case .helpBottom: ("Overlays", "Scroll to the end of the help")
        case .filterHistoryPrevious: ("Overlays", "Recall the previous filter from the history")
        case .filterHistoryNext: ("Overlays", "Recall the next filter from the history (past the last, the draft)")
        case .noteSave: ("Overlays", "Save the note being edited")
        case .noteCite: ("Overlays", "Cite the event selected in the timeline in the note being edited")
        case .formNextField: ("Overlays", "Move to the next field of the form")
        case .formPreviousField: ("Overlays", "Move to the previous field of the form")
        case .seriesDown: ("Overlays", "Select the next series (while a chart shows, chart it)")
        case .seriesUp: ("Overlays", "Select the previous series (while a chart shows, chart it)")
        case .seriesPageDown: ("Overlays", "Move down one page of series")
        case .seriesPageUp: ("Overlays", "Move up one page of series")
        case .seriesFirst: ("Overlays", "Select the first series")
        case .seriesLast: ("Overlays", "Select the last series")
        case .breakdown: ("Timeline", "Break the events on screen down by service, template, ... (:breakdown service,template); Enter narrows the filter")
        case .breakdownNextDimension: ("Overlays", "Group the breakdown by the next dimension (service, template, severity, host, source, file)")
        case .breakdownPreviousDimension: ("Overlays", "Group the breakdown by the previous dimension")
        case .breakdownCompare: ("Overlays", "Compare the window with the one just before it: new and louder groups first (toggle)")
        case .breakdownTraces: ("Overlays", "Spans per service in the window: errors, p50/p90/p99 latency, against the window before (toggle)")
        case .suspectsNext: ("Overlays", "Select the next evidence row of the suspects")
        case .suspectsPrevious: ("Overlays", "Select the previous evidence row of the suspects")
        case .suspectsLink: ("Overlays", "Link the events behind the selected evidence row to the current investigation")
        }
    }
}

/// A command with its optional argument, as bound to a key or typed at the `:` prompt.
public struct CommandInvocation: Sendable, Hashable {
    /// The command to run.
    public var command: CanvasCommand
    /// Text after the command name (`severity>=error` in `filter severity>=error`).
    public var argument: String?

    public init(_ command: CanvasCommand, argument: String? = nil) {
        self.command = command
        self.argument = argument
    }

    /// Parses `name [argument]`; nil when the name is unknown or the text is empty.
    public init?(parsing text: String) {
        var trimmed = Substring(text.trimmingWhitespace)
        if trimmed.first == ":" { trimmed.removeFirst() }
        guard let nameEnd = trimmed.firstIndex(where: { $0 == " " || $0 == "\t" }) else {
            guard let command = CanvasCommand(name: String(trimmed)) else { return nil }
            self.init(command)
            return
        }
        guard let command = CanvasCommand(name: String(trimmed[..<nameEnd])) else { return nil }
        let argument = String(trimmed[nameEnd...]).trimmingWhitespace
        self.init(command, argument: argument.isEmpty ? nil : argument)
    }

    /// `name` or `name argument`, as written in keymap files.
    public var text: String {
        guard let argument else { return command.name }
        return command.name + " " + argument
    }
}

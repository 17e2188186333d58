import InquestCore

extension CanvasReducer {
    /// Runs one command from the table (from a key or the `:` prompt).
    static func perform(_ state: inout CanvasState, _ invocation: CommandInvocation, environment: CanvasEnvironment) -> [CanvasEffect] {
        let argument = invocation.argument
        switch invocation.command {
        case .auditLog:
            return openAuditLog(&state)
        case .notifySubscriptions:
            return openNotifyOverlay(&state)
        case .quit:
            state.isQuitting = true
            return [.quit]
        case .help:
            state.help = HelpOverlayState(lines: HelpGenerator.lines(for: environment.keymap))
            return []
        case .feedHealth:
            return toggleHealthOverlay(&state)
        case .seriesOverlay:
            return toggleSeriesOverlay(&state)
        case .breakdown:
            return toggleBreakdownOverlay(&state, argument: argument)
        case .suspects:
            return openSuspectsOverlay(&state)
        case .theme:
            return switchTheme(&state, name: argument)
        case .commandPrompt:
            state.prompt = PromptState(kind: .command, field: TextField(argument ?? ""))
            // Fresh view and tag names for Tab completion.
            return [.loadFilterMemory]
        case .cancel:
            state.status = nil
            state.filterBar.problem = nil
            if state.timeline.context != nil { return leaveContext(&state) }
            return []
        case .focusNext: return focus(&state, state.focus.next)
        case .focusPrevious: return focus(&state, state.focus.previous)
        case .focusInvestigations: return focus(&state, .investigations)
        case .focusTimeline: return focus(&state, .timeline)
        case .focusDetails: return focus(&state, .details)
        case .focusNotes: return focus(&state, .notes)
        case .maximise:
            return relayout(&state) { $0.maximised.toggle() }
        case .cursorDown: return move(&state, by: 1)
        case .cursorUp: return move(&state, by: -1)
        case .pageDown: return move(&state, by: pageSize(state))
        case .pageUp: return move(&state, by: -pageSize(state))
        case .halfPageDown: return move(&state, by: max(1, pageSize(state) / 2))
        case .halfPageUp: return move(&state, by: -max(1, pageSize(state) / 2))
        case .first: return moveToEnd(&state, last: false)
        case .last: return moveToEnd(&state, last: true)
        case .filter:
            if let argument {
                return applyFilter(&state, argument)
            }
            state.filterBar.editing = TextField(state.filterBar.applied.text)
            state.filterBar.problem = nil
            state.filterBar.historyIndex = nil
            return []
        case .jump:
            if let argument { return jump(&state, to: argument) }
            state.prompt = PromptState(kind: .jump)
            return []
        case .saveView: return saveView(&state, name: argument)
        case .openView: return openView(&state, name: argument)
        case .listViews: return listViews(&state)
        case .deleteView: return deleteView(&state, name: argument)
        case .search:
            if let argument { return search(&state, argument) }
            state.prompt = PromptState(kind: .search, field: TextField(state.timeline.search?.text ?? ""))
            return []
        case .nextError: return find(&state, .findError(forward: true))
        case .previousError: return find(&state, .findError(forward: false))
        case .nextMatch: return find(&state, .findMatch(forward: true))
        case .previousMatch: return find(&state, .findMatch(forward: false))
        case .timeMode:
            state.timeline.timeMode = state.timeline.timeMode.next
            // Days begin at another hour in another zone: the date separators move.
            keepCursorVisible(&state)
            state.status = StatusMessage(.info, state.timeline.timeMode == .relative ? "Times relative to the selected event" : "Times in \(state.timeline.timeMode.label)")
            return []
        case .follow:
            state.timeline.follow.toggle()
            state.status = StatusMessage(.info, state.timeline.follow ? "Following new events" : "Follow off")
            return state.timeline.follow ? moveToEnd(&state, last: true) : []
        case .onlyLinked:
            guard state.investigations.currentID != nil || state.timeline.onlyLinked else {
                state.status = StatusMessage(.error, "Select an investigation first (Investigations pane, or c to create one)")
                return []
            }
            state.timeline.onlyLinked.toggle()
            return reloadKeepingPlace(&state)
        case .onlyOpened:
            guard !state.timeline.openedSources.isEmpty else {
                state.status = StatusMessage(.error, "The canvas was not opened on files (inquest FILE...)")
                return []
            }
            state.timeline.onlyOpened.toggle()
            state.status = StatusMessage(.info, state.timeline.openedScopeLabel.map { "Showing \($0)" } ?? "Showing every source")
            return reloadKeepingPlace(&state)
        case .context: return showContext(&state, argument: argument)
        case .jumpToEvent: return jumpToEvent(&state, argument: argument)
        case .openCitation: return openCitation(&state)
        case .zoomIn, .zoomOut:
            state.density.zoom = DensityState.zoom(from: state.density.zoom, in: invocation.command == .zoomIn, extent: state.timeline.extent)
            return densityEffects(&state, force: true)
        case .star: return star(&state)
        case .yank: return yank(&state, what: argument)
        case .tag:
            guard let eventID = state.timeline.cursorID else { return noEvent(&state) }
            if let argument { return tag(&state, eventID: eventID, tag: argument, add: true) }
            state.prompt = PromptState(kind: .tag, eventID: eventID)
            return []
        case .untag:
            guard let eventID = state.timeline.cursorID else { return noEvent(&state) }
            guard let argument else {
                state.status = StatusMessage(.error, "Say which tag to remove: :untag NAME")
                return []
            }
            return tag(&state, eventID: eventID, tag: argument, add: false)
        case .link: return link(&state, add: true)
        case .unlink: return link(&state, add: false)
        case .filterTrace: return filterOnTrace(&state)
        case .createInvestigation:
            state.form = InvestigationFormState(draft: InvestigationDraft(title: argument ?? "", owner: environment.userName))
            return []
        case .editInvestigation:
            guard let current = state.investigations.current, let id = current.investigation.id else {
                state.status = StatusMessage(.error, "Select an investigation to edit (c creates one)")
                return []
            }
            state.form = InvestigationFormState(investigationID: id, draft: InvestigationDraft(current.investigation))
            return []
        case .exportInvestigation:
            return export(&state, argument: argument)
        case .addNote:
            guard let investigationID = state.investigations.currentID else {
                state.status = StatusMessage(.error, "Select an investigation before adding a note (c creates one)")
                return []
            }
            let eventID = state.focus == .timeline || state.focus == .details ? state.timeline.cursorID : nil
            state.editor = NoteEditorState(text: argument ?? "", investigationID: investigationID, eventID: eventID)
            return []
        case .editNote, .editNoteExternally:
            guard let note = state.notes.selectedNote else {
                state.status = StatusMessage(.error, "No note selected")
                return []
            }
            if invocation.command == .editNote {
                state.editor = NoteEditorState(text: note.body, noteID: note.id, investigationID: note.investigationID, eventID: note.eventID)
                return []
            }
            return [.openExternalEditor(initialText: note.body, noteID: note.id, investigationID: note.investigationID, eventID: note.eventID)]
        case .overlayClose, .overlaySubmit, .helpScrollDown, .helpScrollUp, .helpPageDown, .helpPageUp, .helpTop, .helpBottom,
             .filterHistoryPrevious, .filterHistoryNext, .promptComplete, .promptCompletePrevious, .noteSave, .noteCite, .formNextField, .formPreviousField,
             .seriesDown, .seriesUp, .seriesPageDown, .seriesPageUp, .seriesFirst, .seriesLast,
             .breakdownNextDimension, .breakdownPreviousDimension, .breakdownCompare, .breakdownTraces,
             .suspectsNext, .suspectsPrevious, .suspectsLink:
            // Overlays run these themselves (CanvasReducer+Overlays); bound elsewhere they have nothing to act on.
            let sections = KeymapOverlay.allCases.map { "[\($0.rawValue)]" }.joined(separator: ", ")
            state.status = StatusMessage(.error, "\(invocation.command.name) works inside an overlay — bind it under \(sections)")
            return []
        }
    }

    /// Focus decides the layout when maximised, and on small screens (the collapsed
    /// Investigations header opens into a band; a short screen shows the focused pane).
    static func focus(_ state: inout CanvasState, _ pane: Pane) -> [CanvasEffect] {
        relayout(&state) { $0.focus = pane }
    }

    /// Rows per page in the focused pane.
    static func pageSize(_ state: CanvasState) -> Int {
        guard state.focus != .timeline else { return state.timelinePageSize }
        return max(1, state.layout?.innerHeight(of: state.focus) ?? 1)
    }

    /// Moves the focused pane's cursor (or scroll) by `delta` rows.
    static func move(_ state: inout CanvasState, by delta: Int) -> [CanvasEffect] {
        switch state.focus {
        case .timeline:
            return moveCursor(&state, by: delta)
        case .investigations:
            let target = min(max(0, state.investigations.selected + delta), state.investigations.rowCount - 1)
            return selectInvestigation(&state, row: target)
        case .details:
            state.details.scroll = max(0, state.details.scroll + delta)
            if state.details.detail != nil {
                state.details.scroll = min(state.details.scroll, max(0, state.details.lines.count - pageSize(state)))
            }
            return []
        case .notes:
            state.notes.selected = min(max(0, state.notes.selected + delta), max(0, state.notes.notes.count - 1))
            return []
        }
    }

    static func moveToEnd(_ state: inout CanvasState, last: Bool) -> [CanvasEffect] {
        switch state.focus {
        case .timeline:
            return timelineToEnd(&state, last: last)
        case .investigations:
            return selectInvestigation(&state, row: last ? state.investigations.rowCount - 1 : 0)
        case .details, .notes:
            return move(&state, by: last ? Int(Int32.max) : -Int(Int32.max))
        }
    }

    static func noEvent(_ state: inout CanvasState) -> [CanvasEffect] {
        state.status = StatusMessage(.error, "No event selected")
        return []
    }
}

import InquestCore

/// Changes the state for an action and returns the effects to run, as data.
public func reduce(_ state: inout CanvasState, _ action: CanvasAction, environment: CanvasEnvironment) -> [CanvasEffect] {
    CanvasReducer.reduce(&state, action, environment: environment)
}

/// The canvas reducer: pure, synchronous, and the only code that changes ``CanvasState``.
public enum CanvasReducer {
    /// The window holds at most this many screens of events.
    public static let windowScreens = 3
    /// Windows are loaded in pages of at least this many events.
    public static let minimumLoadPage = 20

    /// Applies one action to the state and returns the effects to run, in order.
    public static func reduce(_ state: inout CanvasState, _ action: CanvasAction, environment: CanvasEnvironment) -> [CanvasEffect] {
        switch action {
        case .started:
            state.now = environment.now
            state.localOffsetSeconds = environment.localOffsetSeconds
            state.timeline.highlightTerms = state.filterBar.applied.highlightTerms
            state.timeline.highlightPatterns = state.filterBar.applied.highlightPatterns
            var effects = [CanvasEffect.loadInvestigations(requestID: state.issueRequestID(\.investigations)), .loadFilterMemory]
            effects += reloadTimeline(&state, anchor: .newest, placement: .last)
            return effects
        case .keyPressed(let key):
            return keyPressed(&state, key, environment: environment)
        case .mousePressed(let event):
            return mousePressed(&state, event, environment: environment)
        case .pasted(let text):
            return pasted(&state, text)
        case .terminalResized(let width, let height):
            return resized(&state, width: width, height: height)
        case .windowLoaded(let requestID, let rows, let anchor, let reachedStart, let reachedEnd):
            return windowLoaded(&state, requestID: requestID, rows: rows, anchor: anchor, reachedStart: reachedStart, reachedEnd: reachedEnd)
        case .countLoaded(let requestID, let count, let oldest, let newest):
            guard requestID == state.pending.count else { return [] }
            state.pending.count = nil
            state.timeline.totalCount = count
            state.timeline.oldest = oldest
            state.timeline.newest = newest
            return densityEffects(&state, force: false)
        case .histogramLoaded(let requestID, let from, let to, let buckets):
            guard requestID == state.pending.histogram else { return [] }
            state.pending.histogram = nil
            state.density.from = from
            state.density.to = to
            state.density.buckets = buckets
            return []
        case .investigationsLoaded(let requestID, let items):
            return investigationsLoaded(&state, requestID: requestID, items: items)
        case .eventLocated(let requestID, let eventID, let cursor):
            return eventLocated(&state, requestID: requestID, eventID: eventID, cursor: cursor)
        case .openedOnEvent(let eventID):
            return jumpToEvent(&state, id: eventID)
        case .detailLoaded(let requestID, let detail):
            guard requestID == state.pending.detail else { return [] }
            state.pending.detail = nil
            state.details.detail = detail
            return []
        case .notesLoaded(let requestID, let investigationID, let notes):
            guard requestID == state.pending.notes, investigationID == state.investigations.currentID else { return [] }
            state.pending.notes = nil
            let wasEmpty = state.notes.notes.isEmpty
            state.notes.notes = notes
            state.notes.selected = wasEmpty ? max(0, notes.count - 1) : min(state.notes.selected, max(0, notes.count - 1))
            return []
        case .noteEditsLoaded(let investigationID, let edits):
            guard investigationID == state.investigations.currentID else { return [] }
            state.audit.noteEdits = edits
            return []
        case .investigationEditsLoaded(let edits):
            state.audit.investigationEdits = edits
            return []
        case .auditTrailLoaded(let requestID, _, let entries):
            return auditTrailLoaded(&state, requestID: requestID, entries: entries)
        case .subscriptionsLoaded(let requestID, _, let subscriptions):
            return subscriptionsLoaded(&state, requestID: requestID, subscriptions: subscriptions)
        case .investigationSaved(let id):
            state.investigations.pendingSelectionID = id
            return [.loadInvestigations(requestID: state.issueRequestID(\.investigations))]
        case .storeChanged:
            return storeChanged(&state)
        case .effectFailed(let message):
            state.status = StatusMessage(.error, message)
            return []
        case .editorFinished(let noteID, let investigationID, let eventID, let text):
            guard let text else {
                state.status = StatusMessage(.info, "Editor closed without saving")
                return []
            }
            guard !text.trimmingWhitespace.isEmpty else {
                state.status = StatusMessage(.info, "Empty note not saved")
                return []
            }
            state.status = StatusMessage(.info, "Note saved")
            return [.saveNote(NoteDraft(id: noteID, investigationID: investigationID, eventID: eventID, body: text))]
        case .exportFinished(_, let paths):
            let extra = paths.count > 1 ? " (+\(paths.count - 1) file\(paths.count == 2 ? "" : "s"))" : ""
            state.status = StatusMessage(.info, "Exported to \(paths.first ?? "?")" + extra)
            return []
        case .themeSwitched(let name):
            return themeSwitched(&state, name: name)
        case .copiedToClipboard(let label):
            state.status = StatusMessage(.info, "Copied \(label) to the clipboard (OSC 52)")
            return []
        case .tick(let now):
            state.now = now
            return refreshHealthOverlay(&state)
        case .feedHealthLoaded(let requestID, let rows):
            return feedHealthLoaded(&state, requestID: requestID, rows: rows)
        case .breakdownLoaded(let requestID, let result):
            return breakdownLoaded(&state, requestID: requestID, result: result)
        case .suspectsRanked(let requestID, let time, let suspects):
            return suspectsRanked(&state, requestID: requestID, time: time, suspects: suspects)
        case .suspectsFailed(let requestID, let message):
            return suspectsFailed(&state, requestID: requestID, message: message)
        case .eventsLinked(let investigationID, let count, let capped):
            return eventsLinked(&state, investigationID: investigationID, count: count, capped: capped)
        case .teamLinkChanged(let link):
            state.team = link
            return []
        case .ingestProgressed(let ingest):
            return ingestProgressed(&state, ingest)
        case .seriesListLoaded(let requestID, let list):
            return seriesListLoaded(&state, requestID: requestID, list)
        case .seriesExcerptLoaded(let requestID, let excerpt):
            return seriesExcerptLoaded(&state, requestID: requestID, excerpt)
        case .filterMemoryLoaded(let history, let views, let tags):
            return filterMemoryLoaded(&state, history: history, views: views, tags: tags)
        }
    }

    /// Routes a key to the open overlay, or through the keymap to a command.
    static func keyPressed(_ state: inout CanvasState, _ key: KeyPress, environment: CanvasEnvironment) -> [CanvasEffect] {
        // A message describes the last key's outcome; the next key replaces it.
        state.status = nil
        let keymap = environment.keymap
        if state.help != nil { return helpKey(&state, keymap.invocation(for: key, in: .help)) }
        if state.audit.overlay != nil { return auditKey(&state, key) }
        if state.notifyOverlay != nil { return notifyKey(&state, key) }
        if state.healthOverlay != nil { return healthKey(&state, key) }
        if state.seriesOverlay != nil { return seriesKey(&state, key, keymap.invocation(for: key, in: .series)) }
        if state.breakdown != nil { return breakdownKey(&state, keymap.invocation(for: key, in: .breakdown)) }
        if state.suspectsOverlay != nil { return suspectsKey(&state, keymap.invocation(for: key, in: .suspects)) }
        if state.editor != nil { return editorKey(&state, key, keymap.invocation(for: key, in: .editor)) }
        if state.form != nil { return formKey(&state, key, keymap.invocation(for: key, in: .form)) }
        if state.prompt != nil { return promptKey(&state, key, keymap.invocation(for: key, in: .prompt), environment: environment) }
        if state.filterBar.isOpen { return filterKey(&state, key, keymap.invocation(for: key, in: .filter), environment: environment) }
        guard state.layout != nil else {
            // Too small to draw: only quitting makes sense.
            if environment.keymap.invocation(for: key, in: state.focus)?.command == .quit { return [.quit] }
            return []
        }
        guard let invocation = environment.keymap.invocation(for: key, in: state.focus) else { return [] }
        return perform(&state, invocation, environment: environment)
    }

    static func resized(_ state: inout CanvasState, width: Int, height: Int) -> [CanvasEffect] {
        relayout(&state) { state in
            state.width = max(0, width)
            state.height = max(0, height)
        }
    }

    /// Applies a change of size, focus or maximise, then keeps the cursor on screen and
    /// reloads what depends on the new geometry.
    static func relayout(_ state: inout CanvasState, _ change: (inout CanvasState) -> Void) -> [CanvasEffect] {
        let oldDensityWidth = state.layout?.densityWidth ?? 0
        change(&state)
        // A hidden details pane keeps its lines for when it shows again.
        if let width = state.layout?.detailsTextWidth { state.details.width = width }
        // A hidden timeline (maximised pane, tiny terminal) keeps its scroll for later.
        if state.layout?.timeline != nil {
            keepCursorVisible(&state)
            trimWindow(&state)
        }
        var effects = prefetch(&state)
        if (state.layout?.densityWidth ?? 0) != oldDensityWidth {
            effects += densityEffects(&state, force: true)
        }
        return effects
    }
}

extension CanvasState {
    /// Takes the next request id and records it as the one pending at `keyPath`.
    mutating func issueRequestID(_ keyPath: WritableKeyPath<PendingRequests, Int?>) -> Int {
        let id = nextRequestID
        nextRequestID += 1
        pending[keyPath: keyPath] = id
        return id
    }
}

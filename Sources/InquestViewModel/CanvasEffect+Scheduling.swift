import InquestCore

/// How the canvas runs an effect, said by the effect itself (``CanvasEffect/scheduling``) so the
/// runner never infers it: a new effect case does not compile until it is classified.
public enum EffectScheduling: Hashable, Sendable {
    /// Runs on the UI thread: it needs the terminal (the editor, the clipboard, a theme, quitting).
    case terminal
    /// A read of the store where only the newest request of its kind matters: a newer one drops
    /// a queued older one and cuts a running one short.
    case read(ReadKind)
    /// The suspects ranking: a read on a queue of its own beside the timeline's loads.
    case analysis
    /// A write to something the canvas shows: the timeline and panes reload after it.
    case write
    /// A write to tables nothing on screen is drawn from (the filter history, saved views): no
    /// reload after it, so applying a filter does not reload the timeline twice.
    case unseenWrite

    /// The reads whose requests supersede each other, one kind per answer the state waits for.
    public enum ReadKind: String, Hashable, Sendable {
        /// `loadWindow` and `loadWindowAround` both answer the one window request.
        case window, locate, feedHealth, count, histogram, investigations, detail, notes, auditTrail
        case subscriptions, seriesList, seriesExcerpt, breakdown, filterMemory
    }
}

extension CanvasEffect {
    /// How this effect is run (see ``EffectScheduling``).
    public var scheduling: EffectScheduling {
        switch self {
        case .loadWindow, .loadWindowAround: .read(.window)
        case .locateEvent: .read(.locate)
        case .loadFeedHealth: .read(.feedHealth)
        case .loadCount: .read(.count)
        case .loadHistogram: .read(.histogram)
        case .loadInvestigations: .read(.investigations)
        case .loadDetail: .read(.detail)
        case .loadNotes: .read(.notes)
        case .loadAuditTrail: .read(.auditTrail)
        case .loadSubscriptions: .read(.subscriptions)
        case .loadSeriesList: .read(.seriesList)
        case .loadSeriesExcerpt: .read(.seriesExcerpt)
        case .loadBreakdown: .read(.breakdown)
        case .loadFilterMemory: .read(.filterMemory)
        case .rankSuspects: .analysis
        case .toggleSubscription, .setStar, .addTag, .removeTag, .link, .unlink, .createInvestigation,
             .updateInvestigation, .saveNote, .exportInvestigation, .linkEvents:
            .write
        case .recordFilter, .saveView, .deleteView: .unseenWrite
        case .openExternalEditor, .copyToClipboard, .copyEventLink, .switchTheme, .quit: .terminal
        }
    }

    /// Whether asking for this effect makes `older` (queued or running) useless although it is of
    /// another kind: a count of a new query comes with the reducer forgetting the old query's
    /// histogram (`recountEffects`), so that histogram (a slow `/re/` scan, say) is dropped. A count
    /// of the same query (after a store change) leaves the histogram alone.
    public func supersedes(_ older: CanvasEffect) -> Bool {
        guard case .loadCount(_, let query) = self, case .loadHistogram(_, let olderQuery, _, _, _) = older else { return false }
        return query != olderQuery
    }
}

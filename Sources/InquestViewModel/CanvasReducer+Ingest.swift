import InquestCore

extension CanvasReducer {
    /// The ingest of the opened files reported. A report of more stored events means a batch
    /// just committed: what is on screen is refreshed at once rather than at the next store poll
    /// (up to 250 ms later), and so is the end, so the final counts show with "done".
    static func ingestProgressed(_ state: inout CanvasState, _ ingest: BackgroundIngestState) -> [CanvasEffect] {
        let previous = state.ingest
        state.ingest = ingest
        let stored = ingest.eventsStored > (previous?.eventsStored ?? 0)
        let ended = (previous?.isRunning ?? true) && !ingest.isRunning
        return stored || ended ? storeChanged(&state) : []
    }
}

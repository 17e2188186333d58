import InquestCore

extension CanvasReducer {
    /// The ingest of the opened files reported; when it ends, what is on screen is refreshed at
    /// once rather than at the next store poll, so the final counts show with "done".
    static func ingestProgressed(_ state: inout CanvasState, _ ingest: BackgroundIngestState) -> [CanvasEffect] {
        let wasRunning = state.ingest?.isRunning ?? true
        state.ingest = ingest
        guard wasRunning, !ingest.isRunning else { return [] }
        return storeChanged(&state)
    }
}

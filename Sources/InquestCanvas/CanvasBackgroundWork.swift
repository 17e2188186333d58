import InquestViewModel

/// Work that runs beside the canvas in its process and reports as actions: the ingest of the
/// files `inquest FILE...` opened the canvas on. The canvas starts it once its first frame is
/// on screen (so the work never delays that frame) and stops it when it quits.
public protocol CanvasBackgroundWork: AnyObject, Sendable {
    /// Starts the work on threads of its own; `report` (callable from any thread) hands the
    /// canvas an action, e.g. ``CanvasAction/ingestProgressed(_:)``. Must not block.
    func start(report: @escaping @Sendable (CanvasAction) -> Void)
    /// Asks the work to stop and waits, briefly, for it to leave the store consistent.
    func stop()
}

import Foundation
import InquestViewModel

/// Actions produced off the UI thread (effect results, store changes), drained by the loop.
final class ActionInbox: @unchecked Sendable {
    private let lock = NSLock()
    private var actions: [CanvasAction] = []

    func post(_ action: CanvasAction) {
        lock.lock()
        actions.append(action)
        lock.unlock()
    }

    var isEmpty: Bool {
        lock.lock()
        defer { lock.unlock() }
        return actions.isEmpty
    }

    func drain() -> [CanvasAction] {
        lock.lock()
        defer { lock.unlock() }
        let drained = actions
        actions.removeAll(keepingCapacity: true)
        return drained
    }
}

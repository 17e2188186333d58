import Foundation
import InquestCore
import Synchronization

/// Who and when the audit trail records for this process's changes.
///
/// The store's triggers call the SQL functions `inquest_actor()` and `inquest_now()`, which read
/// this value. It defaults to the OS user and the wall clock; tests and imports may set a fixed
/// actor or clock so that their trail is deterministic.
public final class AuditIdentity: Sendable {
    private struct State {
        var actor: String
        var clock: @Sendable () -> Timestamp
    }

    private let state: Mutex<State>

    public init(actor: String = CurrentUser.name, clock: @escaping @Sendable () -> Timestamp = { Timestamp.now() }) {
        state = Mutex(State(actor: actor, clock: clock))
    }

    /// The user recorded for changes made from now on.
    public var actor: String {
        get { state.withLock { $0.actor } }
        set { state.withLock { $0.actor = newValue } }
    }

    /// Sets the clock the trail reads its times from.
    public func setClock(_ clock: @escaping @Sendable () -> Timestamp) {
        state.withLock { $0.clock = clock }
    }

    /// The current time by this identity's clock.
    public func now() -> Timestamp {
        let clock = state.withLock { $0.clock }
        return clock()
    }
}

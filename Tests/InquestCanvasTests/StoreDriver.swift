import InquestCore
import InquestStore
import InquestViewModel
import InquestCanvas

/// Runs actions through the reducer and answers its effects with the real effect executor
/// over a real store, as the runtime does, but on the test's thread.
struct StoreDriver {
    var state = CanvasState()
    let executor: CanvasEffectExecutor
    let environment = CanvasEnvironment(now: Timestamp(seconds: 1_795_000_500), localOffsetSeconds: 3_600, userName: "alice")
    /// Answers not yet delivered (to reorder them in fuzzing).
    var inFlight: [CanvasAction] = []

    init(store: InquestStore, width: Int = 80, height: Int = 24) throws {
        executor = CanvasEffectExecutor(store: store)
        try send(.terminalResized(width: width, height: height))
        try send(.started)
        try settle()
    }

    /// Sends one action and queues the answers to its effects.
    @discardableResult
    mutating func send(_ action: CanvasAction) throws -> [CanvasEffect] {
        let effects = reduce(&state, action, environment: environment)
        for effect in effects {
            inFlight += try executor.execute(effect)
        }
        return effects
    }

    /// Delivers every queued answer (and the answers those cause) in order.
    mutating func settle() throws {
        while !inFlight.isEmpty {
            let next = inFlight.removeFirst()
            try send(next)
        }
    }

    mutating func press(_ key: KeyPress) throws {
        try send(.keyPressed(key))
        try settle()
    }
}

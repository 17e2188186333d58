import Foundation
import InquestCanvas
import InquestCore
import InquestRender
import InquestStore
import InquestViewModel

/// The canvas without a terminal: the runtime's loop run synchronously. Each action is
/// reduced, the effects it asks for are executed inline against the store and their result
/// actions fed back until nothing remains; then the screen is rendered.
final class HeadlessCanvas {
    static let width = 120
    static let height = 40

    private let executor: CanvasEffectExecutor
    private var environment: CanvasEnvironment
    private(set) var state: CanvasState
    /// Failed effects seen (their messages), so a broken run does not pass for a fast one.
    private(set) var failures: [String] = []
    /// A value read from every rendered frame so the renderer's work cannot be dropped.
    private(set) var renderedCells = 0
    /// Milliseconds spent in each kind of effect (`loadWindow`, `loadCount`...) since the
    /// last ``takeEffectTimes()``.
    private var effectTimes: [String: [Double]] = [:]

    init(store: InquestStore) {
        executor = CanvasEffectExecutor(store: store)
        // As CanvasRuntime builds it, with the default keymap (no user overrides).
        environment = CanvasEnvironment.live(keymap: .defaults)
        state = CanvasState()
    }

    /// How long one batch took to its frames, in milliseconds.
    struct Timing {
        /// To the first frame drawn after a window of events arrived (nil when none did):
        /// what the runtime shows first, since its effect thread posts each result as it ends.
        var firstPage: Double?
        /// To the frame after every triggered load (count, histogram, detail...) finished.
        var complete: Double
    }

    /// Reduces the actions and everything they trigger, then renders one frame. Measured
    /// from `start` (default: now).
    ///
    /// Ordered as in the runtime: effects wait in one queue and run one at a time (a newer
    /// load of a kind replaces a queued one, as `EffectRunner.submit` does), and each
    /// effect's results are reduced before the next effect runs — the UI thread being far
    /// quicker than the store. The first frame after a window arrives is drawn and timed.
    @discardableResult
    func send(_ actions: [CanvasAction], since start: ContinuousClock.Instant = .now) -> Timing {
        var firstPage: Double?
        var actionQueue = actions
        var nextAction = 0
        var effectQueue: [CanvasEffect] = []
        while true {
            if nextAction < actionQueue.count {
                let action = actionQueue[nextAction]
                nextAction += 1
                environment.now = .now()
                for effect in reduce(&state, action, environment: environment) {
                    switch effect {
                    case .quit, .openExternalEditor:
                        continue
                    default:
                        let kind = Self.kind(of: effect)
                        if kind.hasPrefix("load") { effectQueue.removeAll { Self.kind(of: $0) == kind } }
                        effectQueue.append(effect)
                    }
                }
                if firstPage == nil, case .windowLoaded = action {
                    render()
                    firstPage = BenchSupport.seconds(since: start) * 1000
                }
                continue
            }
            guard !effectQueue.isEmpty else { break }
            let effect = effectQueue.removeFirst()
            let effectStart = ContinuousClock.now
            do {
                actionQueue.append(contentsOf: try executor.execute(effect))
                effectTimes[Self.kind(of: effect), default: []].append(BenchSupport.seconds(since: effectStart) * 1000)
            } catch {
                failures.append("\(effect): \(error)")
                actionQueue.append(.effectFailed("\(error)"))
            }
        }
        render()
        return Timing(firstPage: firstPage, complete: BenchSupport.seconds(since: start) * 1000)
    }

    /// One key, timed from the press to its rendered frames.
    func press(_ key: KeyPress) -> Timing {
        send([.keyPressed(key)])
    }

    /// Types the text one character at a time; returns each key's time to its frame.
    func type(_ text: String) -> [Double] {
        text.map { press(.character($0)).complete }
    }

    /// The effect times gathered so far, by kind; starts a new collection.
    func takeEffectTimes() -> [String: [Double]] {
        defer { effectTimes = [:] }
        return effectTimes
    }

    static func kind(of effect: CanvasEffect) -> String {
        String(String(describing: effect).prefix { $0 != "(" })
    }

    private func render() {
        let buffer = CanvasRenderer.render(state, width: state.width, height: state.height)
        renderedCells &+= buffer.cells.count
    }
}

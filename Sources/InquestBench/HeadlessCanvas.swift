import Foundation
import InquestCanvas
import InquestCore
import InquestRender
import InquestStore
import InquestViewModel

/// The canvas without a terminal: the runtime's loop run synchronously. Each action is
/// reduced, every effect it asks for is executed inline against the store and its result
/// actions are fed back until none remain; then the screen is rendered.
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

    init(store: InquestStore) {
        executor = CanvasEffectExecutor(store: store)
        // As CanvasRuntime builds it, with the default keymap (no user overrides).
        environment = CanvasEnvironment(
            now: .now(),
            localOffsetSeconds: Int64(TimeZone.current.secondsFromGMT()),
            validateFilter: { text in
                do throws(FilterError) {
                    _ = try Filter.parse(text)
                    return nil
                } catch {
                    return FilterProblem(column: error.column, message: error.message)
                }
            },
            highlightTerms: { text in (try? Filter.parse(text))?.highlightTerms ?? [] },
            userName: CurrentUser.name,
            keymap: .defaults
        )
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
    @discardableResult
    func send(_ actions: [CanvasAction], since start: ContinuousClock.Instant = .now) -> Timing {
        var firstPage: Double?
        var queue = actions
        var next = 0
        while next < queue.count {
            let action = queue[next]
            next += 1
            environment.now = .now()
            for effect in reduce(&state, action, environment: environment) {
                switch effect {
                case .quit, .openExternalEditor:
                    continue
                default:
                    do {
                        queue.append(contentsOf: try executor.execute(effect))
                    } catch {
                        failures.append("\(effect): \(error)")
                        queue.append(.effectFailed("\(error)"))
                    }
                }
            }
            if firstPage == nil, case .windowLoaded = action {
                render()
                firstPage = BenchSupport.seconds(since: start) * 1000
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

    private func render() {
        let buffer = CanvasRenderer.render(state, width: state.width, height: state.height)
        renderedCells &+= buffer.cells.count
    }
}

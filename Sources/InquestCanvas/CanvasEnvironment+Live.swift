import Foundation
import InquestCore
import InquestViewModel

extension CanvasEnvironment {
    /// The environment of a real canvas: the clock, this machine's zone, the filter language,
    /// the OS user and the given key bindings. The runtime and the benchmark both use it.
    public static func live(keymap: Keymap) -> CanvasEnvironment {
        CanvasEnvironment(
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
            keymap: keymap
        )
    }
}

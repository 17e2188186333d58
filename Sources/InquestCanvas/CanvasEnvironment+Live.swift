import Foundation
import InquestCore
import InquestViewModel

extension CanvasEnvironment {
    /// The environment of a real canvas: the clock, this machine's zone, the OS user and the
    /// given key bindings. The runtime and the benchmark both use it.
    public static func live(keymap: Keymap) -> CanvasEnvironment {
        CanvasEnvironment(
            now: .now(),
            localOffsetSeconds: Int64(TimeZone.current.secondsFromGMT()),
            userName: CurrentUser.name,
            keymap: keymap
        )
    }
}

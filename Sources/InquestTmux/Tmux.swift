import Foundation

/// Runs `/usr/bin/tmux` through ``CleanSpawn`` (a clean signal mask, no Foundation `Process`),
/// for the benchmark and the end-to-end tests that drive the real binary in tmux.
public enum Tmux {
    /// tmux could not be started.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Whether `/usr/bin/tmux` is installed (the end-to-end canvas tests are skipped without it).
    public static var isInstalled: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") }

    /// Runs tmux with `arguments`; returns its standard output when `captureOutput`, else "".
    @discardableResult
    public static func run(_ arguments: [String], captureOutput: Bool = false) throws(Failure) -> String {
        do {
            return try CleanSpawn.run(["/usr/bin/tmux"] + arguments, captureOutput: captureOutput).output
        } catch {
            throw Failure(description: "\(error); install tmux")
        }
    }
}

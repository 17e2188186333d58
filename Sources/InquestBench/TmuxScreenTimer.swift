import Foundation
import InquestTmux

/// A program started in a private 120×40 tmux session, and the seconds from its start to what
/// its screen shows (capture-pane polled every 10 ms; includes tmux's own start).
final class TmuxScreenTimer {
    private let socket: String
    private let start: ContinuousClock.Instant

    init(command: [String], environment: [String: String] = [:]) throws {
        socket = "inquest-bench-\(getpid())-\(UUID().uuidString.prefix(6))"
        let shellCommand = command.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        var arguments = ["-L", socket, "-f", "/dev/null", "new-session", "-d", "-s", "t", "-x", "120", "-y", "40", "-e", "LANG=C.UTF-8"]
        for (key, value) in environment.sorted(by: { $0.key < $1.key }) { arguments += ["-e", "\(key)=\(value)"] }
        arguments += [shellCommand, ";", "set-option", "-t", "t", "remain-on-exit", "on"]
        start = ContinuousClock.now
        try Tmux.run(arguments)
    }

    deinit {
        _ = try? Tmux.run(["-L", socket, "kill-server"])
    }

    /// The screen now.
    func screen() throws -> String {
        try Tmux.run(["-L", socket, "capture-pane", "-t", "t", "-p"], captureOutput: true)
    }

    /// Seconds from the start to `predicate` holding on the screen, or nil when `deadline`
    /// seconds from the start pass first.
    func seconds(until predicate: (String) -> Bool, deadline: Double = 120) throws -> Double? {
        while BenchSupport.seconds(since: start) < deadline {
            if predicate(try screen()) { return BenchSupport.seconds(since: start) }
            usleep(10_000)
        }
        return nil
    }

    /// Sends tmux key names (`q`, `Escape`).
    func send(_ keys: String...) throws {
        try Tmux.run(["-L", socket, "send-keys", "-t", "t"] + keys)
    }

    /// Whether the program has exited.
    var hasExited: Bool {
        ((try? Tmux.run(["-L", socket, "display-message", "-t", "t", "-p", "#{pane_dead}"], captureOutput: true)) ?? "")
            .trimmingCharacters(in: .whitespacesAndNewlines) == "1"
    }
}

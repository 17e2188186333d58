import Foundation

/// Runs `/usr/bin/tmux` with posix_spawn and waitpid, for the benchmark and the end-to-end tests
/// that drive the real binary in tmux.
///
/// Foundation's `Process` is not used: the tmux server daemonized from `new-session` keeps
/// Foundation's pipes and child-watch descriptor open, so `waitUntilExit` never returns. Output
/// goes through a temporary file. The test runner's threads block some signals; a tmux server
/// inheriting that mask would never see SIGCHLD or SIGWINCH (no exit status, no resize), so the
/// child starts with an empty signal mask and default handlers.
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
        let outputPath = FileManager.default.temporaryDirectory.appendingPathComponent("inquest-tmux-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: outputPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, captureOutput ? outputPath : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = (["/usr/bin/tmux"] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var emptySet = sigset_t()
        sigemptyset(&emptySet)
        var defaultSet = sigset_t()
        sigfillset(&defaultSet)
        sigdelset(&defaultSet, SIGKILL)
        sigdelset(&defaultSet, SIGSTOP)
        posix_spawnattr_setsigmask(&attributes, &emptySet)
        posix_spawnattr_setsigdefault(&attributes, &defaultSet)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, "/usr/bin/tmux", &actions, &attributes, argv, environ)
        guard spawned == 0 else {
            throw Failure(description: "cannot run /usr/bin/tmux: \(String(cString: strerror(spawned))); install tmux")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        guard captureOutput else { return "" }
        return (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
    }
}

import Foundation

/// Runs a command to its end with posix_spawn and waitpid, the child starting with an empty
/// signal mask and default handlers; its standard output (and, if asked, its standard error)
/// goes through a temporary file.
///
/// Foundation's `Process` is not used: a server the command daemonizes (a tmux server from
/// `new-session`, PostgreSQL from `pg_ctl start`) keeps Foundation's pipes and child-watch
/// descriptor open, so `waitUntilExit` never returns. The test runner's threads block some
/// signals; a server inheriting that mask would never see SIGCHLD or SIGWINCH.
public enum CleanSpawn {
    /// The command could not be started.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// How the command ended and what it wrote.
    public struct Result: Sendable {
        /// The raw `waitpid` status.
        public var status: Int32
        public var output: String
        /// Whether it exited (rather than being killed) with status 0.
        public var succeeded: Bool { (status & 0x7f) == 0 && ((status >> 8) & 0xff) == 0 }
    }

    /// Runs `command` (an absolute path and its arguments) with `environment` (nil: this
    /// process's); keeps its standard output when `captureOutput`, and its standard error with
    /// it when `includeStandardError`.
    public static func run(
        _ command: [String], environment: [String: String]? = nil, captureOutput: Bool = true, includeStandardError: Bool = false
    ) throws(Failure) -> Result {
        guard let executable = command.first else { throw Failure(description: "no command to run") }
        let outputPath = FileManager.default.temporaryDirectory.appendingPathComponent("inquest-spawn-\(UUID().uuidString).out").path
        defer { try? FileManager.default.removeItem(atPath: outputPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, captureOutput ? outputPath : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        if includeStandardError {
            posix_spawn_file_actions_adddup2(&actions, 1, 2)
        } else {
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        }
        let argv = command.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let envp = (environment ?? ProcessInfo.processInfo.environment).map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { envp.forEach { free($0) } }
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
        let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard spawned == 0 else { throw Failure(description: "cannot run \(executable): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let output = captureOutput ? ((try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "") : ""
        return Result(status: status, output: output)
    }
}

import Foundation
import Synchronization

/// A long-running `inquest` process (`watch`, `notify run`) started from the built binary, for
/// end-to-end tests: output to files, stopped with a signal of the test's choosing.
final class WatchProcess {
    let process = Process()
    /// When the process exited, recorded by Foundation's termination handler (not by the test's
    /// own polling, which can wait long for a thread while other tests run).
    private let exit = ExitTime()

    /// Runs `inquest COMMAND ARGUMENTS` (`command` is `["watch"]` unless told otherwise).
    init(_ arguments: [String], output: URL, command: [String] = ["watch"]) throws {
        guard let binary = BinaryRunner.binary else { throw BinaryRunner.MissingBinary() }
        process.executableURL = binary
        process.arguments = command + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["LANG"] = "C.UTF-8"
        process.environment = environment
        if !FileManager.default.fileExists(atPath: output.path) {
            _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        }
        let handle = try FileHandle(forWritingTo: output)
        try handle.seekToEnd()
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        let exit = self.exit
        process.terminationHandler = { _ in exit.record() }
        try process.run()
    }

    var pid: Int32 { process.processIdentifier }

    /// Sends `signal` and tells whether the process exited within `seconds` of it.
    ///
    /// The exit time comes from the termination handler, so a test task that gets a thread late
    /// (the suite runs in parallel on two cores) still judges the watcher, not the scheduler. It
    /// waits (suspending, not blocking a test thread) up to a minute for the exit to be recorded.
    @discardableResult
    func stop(_ signal: Int32, seconds: Double = 5) async -> Bool {
        let signalled = ContinuousClock.now
        Glibc.kill(pid, signal)
        let patience = signalled + .seconds(max(60, seconds))
        while exit.instant == nil, ContinuousClock.now < patience {
            try? await Task.sleep(for: .milliseconds(10))
        }
        guard let exited = exit.instant else { return false }
        return exited - signalled <= .milliseconds(Int64(seconds * 1000))
    }

    /// SIGKILL, and reap it.
    func kill() {
        guard process.isRunning else { return }
        Glibc.kill(pid, SIGKILL)
        process.waitUntilExit()
    }

    deinit {
        kill()
    }
}

/// Appends numbered lines to a followed file from a background thread, with lines split across
/// writes and, half-way, a rotation by rename (`app.log` → `app.log.1`, then a new `app.log`).
final class LineWriter: @unchecked Sendable {
    let path: String
    let total: Int
    private let finished = DispatchSemaphore(value: 0)

    init(path: String, total: Int) {
        self.path = path
        self.total = total
    }

    static func line(_ number: Int) -> String {
        "seq=\(String(number).leftPadded(6)) crash-test line with a payload to make it longer \(number * 7919 % 10007)"
    }

    func start(chunk: Int, pauseMicroseconds: UInt32) {
        let thread = Thread { [self] in
            var descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND, 0o644)
            var number = 0
            while number < total {
                if number == total / 2 {
                    close(descriptor)
                    rename(path, path + ".1")
                    descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND, 0o644)
                }
                var text = ""
                for _ in 0..<min(chunk, total - number) {
                    number += 1
                    text += Self.line(number) + "\n"
                }
                // Split the chunk mid-line, so the watcher sees partial lines.
                let bytes = Array(text.utf8)
                let split = bytes.count / 2 + 7
                bytes.withUnsafeBytes { raw in
                    _ = write(descriptor, raw.baseAddress, split)
                    usleep(300)
                    _ = write(descriptor, raw.baseAddress?.advanced(by: split), bytes.count - split)
                }
                usleep(pauseMicroseconds)
            }
            close(descriptor)
            finished.signal()
        }
        thread.start()
    }

    /// Suspends (polling) until every line is written.
    func waitUntilFinished() async {
        while finished.wait(timeout: .now()) != .success {
            try? await Task.sleep(for: .milliseconds(20))
        }
        finished.signal()
    }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}

/// The moment a process exited, written once by its termination handler's thread.
final class ExitTime: Sendable {
    private let value = Mutex<ContinuousClock.Instant?>(nil)

    func record() { value.withLock { $0 = .now } }

    var instant: ContinuousClock.Instant? { value.withLock { $0 } }
}

import Foundation

/// An `inquest watch` process started from the built binary, for end-to-end tests: output to
/// files, stopped with a signal of the test's choosing.
final class WatchProcess {
    let process = Process()

    init(_ arguments: [String], output: URL) throws {
        guard let binary = BinaryRunner.binary else { throw BinaryRunner.MissingBinary() }
        process.executableURL = binary
        process.arguments = ["watch"] + arguments
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
        try process.run()
    }

    var pid: Int32 { process.processIdentifier }

    /// Sends `signal` and waits up to `seconds` for the exit (suspending, not blocking a test
    /// thread); true when it exited in time.
    @discardableResult
    func stop(_ signal: Int32, seconds: Double = 5) async -> Bool {
        Glibc.kill(pid, signal)
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning {
            if Date() > deadline { return false }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return true
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

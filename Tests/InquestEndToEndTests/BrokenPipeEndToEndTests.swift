import Foundation
import Testing

extension EndToEnd {
    /// A reader that leaves early (`inquest export 1 | head`, `| true`) ends the command the way
    /// SIGPIPE does, with no crash, even when the parent left SIGPIPE ignored.
    @Suite struct BrokenPipeEndToEndTests {
        /// Runs `inquest ARGUMENTS` from a shell that ignores SIGPIPE, its stdout a pipe whose
        /// reading end is already closed, so the first write fails with EPIPE every time.
        func runIntoClosedPipe(_ arguments: [String]) throws -> (reason: Process.TerminationReason, status: Int32, stderr: String) {
            guard let binary = BinaryRunner.binary else { throw BinaryRunner.MissingBinary() }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "trap '' PIPE; exec \"$@\"", "sh", binary.path] + arguments
            let out = Pipe()
            let err = Pipe()
            process.standardOutput = out
            process.standardError = err
            process.standardInput = FileHandle.nullDevice
            try out.fileHandleForReading.close()
            try process.run()
            let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            return (process.terminationReason, process.terminationStatus, stderr)
        }

        @Test func exportAndQueryIntoAClosedPipeEndQuietlyAsSIGPIPEWould() throws {
            let directory = try BinaryRunner.temporaryDirectory()
            let database = directory.appendingPathComponent("demo.db").path
            let demo = try BinaryRunner.run(["demo", "--db", database, "--summary"])
            #expect(demo.status == 0, "\(demo.stderr)")
            for arguments in [["export", "1", "--db", database, "--format", "markdown"], ["query", "--db", database]] {
                let result = try runIntoClosedPipe(arguments)
                #expect(result.reason == .uncaughtSignal && result.status == SIGPIPE,
                        "\(arguments[0]) ends by SIGPIPE (\(result.reason), \(result.status)): \(result.stderr)")
                #expect(!result.stderr.contains("Fatal error"), "no crash: \(result.stderr)")
            }
        }
    }
}

import Foundation
import InquestReport
import Testing

/// Golden files of rendered reports in `__Snapshots__/`. A missing or different golden fails;
/// `INQUEST_RECORD=1 swift test --filter InquestReportTests` rewrites them (never in CI).
enum Golden {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("__Snapshots__")
    static let recording = ProcessInfo.processInfo.environment["INQUEST_RECORD"] == "1"

    static func assertMatches(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = directory.appendingPathComponent(name)
        if recording {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("missing golden \(name): record it with INQUEST_RECORD=1 swift test --filter InquestReportTests and review it",
                         sourceLocation: sourceLocation)
            return
        }
        guard expected != actual else { return }
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let first = zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(expectedLines.count, actualLines.count)
        let shownExpected = first < expectedLines.count ? String(expectedLines[first]) : "<end>"
        let shownActual = first < actualLines.count ? String(actualLines[first]) : "<end>"
        Issue.record("\(name) differs at line \(first + 1):\n  golden: \(shownExpected)\n  actual: \(shownActual)", sourceLocation: sourceLocation)
    }
}

/// Runs external tools the report tests need (chromium, pdftotext, pdftoppm) when installed.
enum ExternalTool {
    /// Whether `pdftotext` (poppler-utils) is on the PATH.
    static var hasPDFToText: Bool { path("pdftotext") != nil }

    /// Whether a PDF renderer (Chromium) is found the way `inquest export --format pdf` finds it.
    static var hasPDFPrinter: Bool { (try? PDFPrinter.locate(environment: ProcessInfo.processInfo.environment)) != nil }

    static func path(_ name: String) -> String? {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return directories.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs a program; returns its exit status, standard output and standard error.
    static func run(_ program: String, _ arguments: [String]) throws -> (status: Int32, output: String, error: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Drain stderr concurrently so a chatty program cannot block on a full pipe.
        let errorData = LockedData()
        let reader = Thread { errorData.set(err.fileHandleForReading.readDataToEndOfFile()) }
        reader.start()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !errorData.isSet { Thread.sleep(forTimeInterval: 0.01) }
        return (process.terminationStatus, String(decoding: output, as: UTF8.self), String(decoding: errorData.value, as: UTF8.self))
    }

    static func temporaryDirectory() throws -> URL {
        let url = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("inquest-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

final class LockedData: @unchecked Sendable {
    private let lock = NSLock()
    private var data: Data?
    func set(_ value: Data) { lock.lock(); data = value; lock.unlock() }
    var isSet: Bool { lock.lock(); defer { lock.unlock() }; return data != nil }
    var value: Data { lock.lock(); defer { lock.unlock() }; return data ?? Data() }
}

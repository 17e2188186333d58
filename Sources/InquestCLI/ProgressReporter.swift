import InquestText
import Foundation
import InquestCore

/// The one-line progress display on a TTY (stderr), redrawn at most 5 times a second.
final class ProgressReporter: @unchecked Sendable {
    private let enabled: Bool
    private let lock = NSLock()
    private var lastDraw = ContinuousClock.now
    private var drew = false

    init(enabled: Bool) {
        self.enabled = enabled
    }

    func report(_ progress: IngestProgress) {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        let now = ContinuousClock.now
        guard now - lastDraw > .milliseconds(200) else { return }
        lastDraw = now
        var line = "ingest \(TextSanitizer.singleLine(progress.path)): \(progress.lines.formatted()) lines, \(progress.stored.formatted()) stored"
        if let percent = progress.percent {
            line += String(format: " (%.0f%%)", percent)
        }
        StandardStreams.err("\r\u{1B}[K" + line)
        drew = true
    }

    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if drew { StandardStreams.err("\r\u{1B}[K") }
        drew = false
    }
}

import Foundation
import Logging

/// A swift-log handler appending lines to a file: the canvas owns the screen, so it never
/// logs to it.
public struct FileLogHandler: LogHandler {
    private final class Sink: @unchecked Sendable {
        let lock = NSLock()
        let handle: FileHandle?

        init(path: String) {
            if !FileManager.default.fileExists(atPath: path) {
                _ = FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
            }
            handle = FileHandle(forWritingAtPath: path)
            _ = try? handle?.seekToEnd()
        }

        func write(_ line: String) {
            lock.lock()
            defer { lock.unlock() }
            handle?.write(Data(line.utf8))
        }
    }

    private let sink: Sink
    private let label: String
    public var logLevel: Logger.Level = .info
    public var metadata: Logger.Metadata = [:]

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    private init(label: String, sink: Sink) {
        self.label = label
        self.sink = sink
    }

    /// A logger writing to `path` (created 0600 if absent), without touching the global bootstrap.
    public static func logger(label: String, path: String) -> Logger {
        let sink = Sink(path: path)
        return Logger(label: label) { name in FileLogHandler(label: name, sink: sink) }
    }

    public func log(event: LogEvent) {
        var merged = metadata
        if let extra = event.metadata { merged.merge(extra) { $1 } }
        let fields = merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        let time = ISO8601DateFormatter().string(from: Date())
        sink.write("\(time) \(event.level) \(label): \(event.message)\(fields.isEmpty ? "" : " " + fields)\n")
    }
}

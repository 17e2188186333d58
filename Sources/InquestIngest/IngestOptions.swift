import Foundation
import InquestParsers

/// How files are read and parsed.
public struct IngestOptions: Sendable {
    /// Force a log format instead of detecting it per file.
    public var format: LogFormat?
    /// Force a document kind (trace, CI report, git log) instead of detecting it.
    public var documentKind: DocumentKind?
    /// The zone assumed for times written without one (default UTC).
    public var timeZone: TimeZone
    /// The year assumed for times written without one; nil = the file's modification year.
    public var assumedYear: Int?
    /// Events per store transaction.
    public var batchSize: Int
    /// Bytes read per chunk.
    public var chunkSize: Int
    /// Bring the full-text index up to date after the files are stored.
    public var indexFullText: Bool
    /// The service of events whose record names none (an access log has no service field).
    public var defaultService: String?
    /// Threads that parse one large regular file at once, each taking segments of it in turn
    /// (see `SegmentedParsingProducer`); 1 parses every file on one thread.
    public var parsingThreads: Int
    /// The size of those segments; a file smaller than two segments is parsed on one thread.
    public var segmentBytes: Int
    /// Column roles that override a table's guesses, by header name (`--columns time=Timestamp,service=PodName`).
    public var columns: [ColumnRole: String] = [:]
    /// Give every log event its template (see `TemplateMiner`); off only to measure what it costs.
    public var mineTemplates: Bool
    /// The descriptor `-` reads: standard input, unless the canvas moved a pipe off it to read
    /// its keys from the terminal there (`cat f | inquest -`).
    public var standardInput: Int32 = STDIN_FILENO
    /// Asks a running ingest to stop after the batch it is storing (the canvas quitting); nil never stops.
    public var cancellation: IngestCancellation?

    /// Parsing threads by default: one per core, at most 4 (the store's single writer is the
    /// limit beyond that). On two cores, two parsing threads and the writer share them.
    public static let defaultParsingThreads = max(1, min(4, ProcessInfo.processInfo.activeProcessorCount))
    /// Segments of 8 MiB: about 40k bench JSON events, a few batches each.
    public static let defaultSegmentBytes = 8 << 20

    public init(
        format: LogFormat? = nil,
        timeZone: TimeZone = TimeZone(identifier: "UTC") ?? .current,
        assumedYear: Int? = nil,
        batchSize: Int = 8_192,
        chunkSize: Int = 1 << 20,
        indexFullText: Bool = true,
        defaultService: String? = nil,
        parsingThreads: Int = IngestOptions.defaultParsingThreads,
        segmentBytes: Int = IngestOptions.defaultSegmentBytes,
        mineTemplates: Bool = true
    ) {
        self.format = format
        self.timeZone = timeZone
        self.assumedYear = assumedYear
        self.batchSize = batchSize
        self.chunkSize = chunkSize
        self.indexFullText = indexFullText
        self.defaultService = defaultService
        self.parsingThreads = parsingThreads
        self.segmentBytes = segmentBytes
        self.mineTemplates = mineTemplates
    }

    /// Parses `--columns`: comma-separated `role=Header` pairs, a role being one of
    /// ``ColumnRole``'s names (`time=Timestamp,service=PodName,message=Log`).
    public static func columns(named text: String) throws(IngestError) -> [ColumnRole: String] {
        var columns: [ColumnRole: String] = [:]
        let roles = ColumnRole.allCases.map(\.rawValue).joined(separator: ", ")
        for pair in text.split(separator: ",") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[1].isEmpty else {
                throw .invalidOption(name: "--columns", value: String(pair), hint: "write role=Header pairs separated by commas, e.g. time=Timestamp,service=PodName")
            }
            guard let role = ColumnRole(rawValue: parts[0].lowercased()) else {
                throw .invalidOption(name: "--columns", value: String(pair), hint: "the role '\(parts[0])' is none of \(roles)")
            }
            columns[role] = parts[1]
        }
        return columns
    }

    /// Parses `--tz`: an IANA name (`Europe/Paris`), `UTC`, `local`, or a fixed offset (`+01:00`, `-0700`).
    public static func timeZone(named text: String) throws(IngestError) -> TimeZone {
        if text.lowercased() == "local" { return .current }
        if let zone = TimeZone(identifier: text) { return zone }
        let scalars = Array(text.utf8)
        if let sign = scalars.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            let digits = scalars.dropFirst().filter { $0 != UInt8(ascii: ":") }
            if digits.count == 4, digits.allSatisfy({ $0 >= 48 && $0 <= 57 }) {
                let values = digits.map { Int($0) - 48 }
                let seconds = (values[0] * 10 + values[1]) * 3600 + (values[2] * 10 + values[3]) * 60
                if let zone = TimeZone(secondsFromGMT: sign == UInt8(ascii: "-") ? -seconds : seconds) { return zone }
            }
        }
        throw .invalidOption(name: "--tz", value: text, hint: "use an IANA zone like Europe/Paris, UTC, local, or an offset like +01:00")
    }
}

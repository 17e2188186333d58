import Foundation
import InquestCore
import InquestParsers
import InquestStore

/// `inquest dlq replay`: parses dead letters again with the current parsers. One that now parses
/// is stored and removed from the dead-letter table in the same transaction; one that still does
/// not has its `attempts` incremented and stays. Nothing is lost either way, and replaying twice
/// stores nothing twice (the replayed records' dedupe keys derive from the dead letter's source
/// and location).
public struct DeadLetterReplayer: Sendable {
    /// What a replay did.
    public struct Summary: Sendable, Hashable {
        /// Dead letters that parsed and were removed.
        public var resolved = 0
        /// Events stored from them (new ones).
        public var stored = 0
        /// Dead letters that still fail (attempts incremented).
        public var stillFailing = 0
        /// The first few reasons they still fail, with their ids.
        public var failures: [(id: Int64, reason: String)] = []

        public init() {}

        public static func == (lhs: Summary, rhs: Summary) -> Bool {
            lhs.resolved == rhs.resolved && lhs.stored == rhs.stored && lhs.stillFailing == rhs.stillFailing
                && lhs.failures.map(\.id) == rhs.failures.map(\.id) && lhs.failures.map(\.reason) == rhs.failures.map(\.reason)
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(resolved)
            hasher.combine(stored)
            hasher.combine(stillFailing)
        }
    }

    private let store: InquestStore

    public init(store: InquestStore) {
        self.store = store
    }

    /// Replays the dead letter `id`, or all of them (of `source` when given).
    public func replay(source: String? = nil, id: Int64? = nil) throws -> Summary {
        var summary = Summary()
        if let id {
            guard let letter = try store.deadLetter(id: id) else { throw StoreError.notFound(what: "dead letter", id: id) }
            try replay(letter, into: &summary)
            return summary
        }
        var after: Int64 = 0
        while true {
            let page = try store.deadLetters(afterID: after, limit: 500)
            guard let last = page.last?.id else { break }
            after = last
            for letter in page where source == nil || letter.source == source {
                try replay(letter, into: &summary)
            }
        }
        return summary
    }

    private func replay(_ letter: DeadLetter, into summary: inout Summary) throws {
        guard let id = letter.id else { return }
        switch Self.parse(letter) {
        case .success(let events):
            summary.resolved += 1
            summary.stored += try store.resolveDeadLetter(id: id, with: events).inserted
        case .failure(let failure):
            summary.stillFailing += 1
            if summary.failures.count < 20 { summary.failures.append((id: id, reason: failure.reason)) }
            try store.incrementDeadLetterAttempts(id: id)
        }
    }

    /// The events the dead letter's bytes parse into now, or why they still do not.
    static func parse(_ letter: DeadLetter) -> Result<[Event], ReplayFailure> {
        guard !letter.raw.isEmpty else {
            return .failure(ReplayFailure("no bytes were kept for this record (\(letter.reason)); fix the source and ingest it again"))
        }
        if RecordFailure.isPiece(location: letter.location) {
            return .failure(ReplayFailure("a piece of a line too long to parse is not a record; it stays kept as it is (\(letter.reason))"))
        }
        let identity = "dead-letter:\(letter.source)@\(letter.location)"
        let sourceName = URL(fileURLWithPath: letter.source).lastPathComponent
        let data = Data(letter.raw)
        if let kind = DocumentKind.detect(data) {
            let parsed = DocumentIngestor.parse(data, kind: kind, path: letter.source, identity: identity, sourceName: sourceName, modified: nil)
            if let failure = parsed.deadLetters.first { return .failure(ReplayFailure(failure.reason)) }
            return .success(parsed.events)
        }
        let format = sourceFormat(letter.source) ?? recordFormat(letter.raw)
        var parser = LogStreamParser(format: format, options: LogParseOptions(sourceName: sourceName, sourceIdentity: identity, fallbackTime: letter.firstSeen))
        var output = ParseOutput()
        (letter.raw + [UInt8(ascii: "\n")]).withUnsafeBytes { parser.feed($0, into: &output) }
        parser.finish(into: &output)
        if let failure = output.failures.first { return .failure(ReplayFailure(failure.reason)) }
        guard !output.events.isEmpty else { return .failure(ReplayFailure("the record is empty")) }
        return .success(output.events)
    }

    /// The log format of the source file, detected from its head as ingest and follow do, or nil
    /// when it cannot be read any more.
    private static func sourceFormat(_ path: String) -> LogFormat? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let head = try? handle.read(upToCount: 64 * 1024), !head.isEmpty else { return nil }
        return head.withUnsafeBytes { LogFormatDetector.detect(sample: $0) }
    }

    /// The format of a lone record whose source is gone: a record opening with `{` was a JSON
    /// record (reading a broken one as plain text would "resolve" it by losing its structure),
    /// anything else as the detector says.
    static func recordFormat(_ raw: [UInt8]) -> LogFormat {
        if let first = raw.first(where: { $0 != 32 && $0 != 9 }), first == UInt8(ascii: "{") { return .json }
        return raw.withUnsafeBytes { LogFormatDetector.detect(sample: $0) }
    }

    /// Why a dead letter still does not parse.
    struct ReplayFailure: Error, Hashable {
        var reason: String
        init(_ reason: String) { self.reason = reason }
    }
}

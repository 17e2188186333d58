import Foundation
import InquestCore
import InquestParsers
import InquestStore

/// Turns one document (a trace file, a JUnit report, a GitHub Actions payload, `git log`
/// output) into events and stores them in one transaction with the file's checkpoint.
/// A document that cannot be read at all is kept whole as one dead letter with the reason.
public struct DocumentIngestor {
    let store: InquestStore
    /// The service of events whose document names none (`inquest ingest --service`).
    var defaultService: String?
    /// Column roles a table's header names override (`inquest ingest --columns`).
    var columns: [ColumnRole: String] = [:]
    /// The zone of a table's times written without one (`inquest ingest --tz`).
    var timeZone = TimeZone(identifier: "UTC") ?? .current

    /// The largest document read into memory (documents are not streamed).
    static let maximumBytes = 512 << 20

    /// `miner` (the ingest run's, nil when templates are not mined) gives the document's log
    /// events (a table's log rows, OTLP log records) their templates, as it does a log file's.
    func ingest(
        _ data: Data, kind: DocumentKind, path: String, identity: String, sourceName: String, modified: Date?,
        miner: inout TemplateMiner?
    ) throws -> IngestSummary.FileResult {
        var result = IngestSummary.FileResult(
            path: path, format: kind.rawValue, bytes: Int64(data.count),
            physicalLines: data.reduce(0) { $0 + ($1 == 10 ? 1 : 0) },
            stored: 0, duplicates: 0, deadLettered: 0, failureReasons: []
        )
        var parsed = Self.parse(
            data, kind: kind, path: path, identity: identity, sourceName: sourceName, modified: modified,
            columns: columns, timeZone: timeZone, defaultService: defaultService)
        parsed.events.fillMissingService(with: defaultService)
        if let shape = parsed.tableShape { result.format = kind.rawValue + " (" + shape.rawValue + ")" }
        var batch = EventBatch(
            events: parsed.events, deadLetters: parsed.deadLetters,
            checkpoint: Checkpoint(key: "file:" + identity, position: String(data.count)), samples: parsed.samples, spans: parsed.spans)
        if parsed.events.contains(where: { $0.sourceKind == .log }), var active = miner.take() {
            batch.events.assignTemplates(parsed.events.map { $0.sourceKind == .log ? active.mine($0.message) : EncodedEvents.noTemplate })
            batch.templates = active.takeChanges()
            miner = active
        }
        let letters = batch.deadLetters
        let appended = try store.append(batch)
        result.stored = appended.inserted
        result.duplicates = appended.duplicates
        result.samplesStored = appended.samplesInserted
        result.spansStored = appended.spansInserted
        result.deadLettered = letters.count
        result.failureReasons = letters.map { .init(reason: $0.reason, count: 1, firstLocation: $0.location) }
        return result
    }

    /// The batch one document turns into (events, dead letters with locations, and `checkpoint`),
    /// without storing it: `inquest ingest` appends it, the watcher's feeds commit it under their lease.
    /// Events that name no service get `defaultService`; a table's columns take the roles
    /// `columns` names, and its zone-less times are read in `timeZone`.
    public static func batch(
        _ data: Data, kind: DocumentKind, path: String, identity: String, sourceName: String, modified: Date?,
        checkpoint: Checkpoint?, defaultService: String? = nil, columns: [ColumnRole: String] = [:],
        timeZone: TimeZone = TimeZone(identifier: "UTC") ?? .current
    ) -> EventBatch {
        var parsed = parse(
            data, kind: kind, path: path, identity: identity, sourceName: sourceName, modified: modified,
            columns: columns, timeZone: timeZone, defaultService: defaultService)
        parsed.events.fillMissingService(with: defaultService)
        return EventBatch(
            events: parsed.events, deadLetters: parsed.deadLetters, checkpoint: checkpoint, samples: parsed.samples, spans: parsed.spans)
    }

    /// What one document parses into, before it is flattened for the store.
    struct Parsed {
        var events: [Event]
        var deadLetters: [DeadLetter]
        var samples: [MetricPoint]
        var spans: [TraceSpan]
        /// What a table's rows were read as (nil for other documents).
        var tableShape: TableLayout.Shape?
    }

    /// The events, samples, spans and dead letters (with locations in `path`) of one document.
    static func parse(
        _ data: Data, kind: DocumentKind, path: String, identity: String, sourceName: String, modified: Date?,
        columns: [ColumnRole: String] = [:], timeZone: TimeZone = TimeZone(identifier: "UTC") ?? .current,
        defaultService: String? = nil
    ) -> Parsed {
        let fallback = Timestamp(date: modified ?? Date())
        var events: [Event] = []
        var samples: [MetricPoint] = []
        var spans: [TraceSpan] = []
        var tableShape: TableLayout.Shape?
        var failures: [(reason: String, location: String, raw: [UInt8])] = []
        do {
            switch kind {
            case .otlp, .jaeger, .zipkin:
                let format: TraceFormat = kind == .otlp ? .otlp : kind == .jaeger ? .jaeger : .zipkin
                var eventizer = SpanEventizer()
                let parsed = try format.parse(data)
                events = eventizer.eventize(parsed, sourceName: sourceName, sourceIdentity: identity)
                spans = parsed
            case .junit:
                let options = CIParseOptions(sourceName: sourceName, sourceIdentity: identity, fallbackTime: fallback)
                events = try JUnitReportParser.parse(data, options: options).events(options: options)
            case .github:
                let options = CIParseOptions(sourceName: sourceName, sourceIdentity: identity, fallbackTime: fallback)
                events = try GitHubActionsParser.parse(data, options: options)
            case .metrics:
                let text = String(decoding: data, as: UTF8.self)
                let parsed = CSVSeriesParser.parse(text, defaultSeries: URL(fileURLWithPath: sourceName).deletingPathExtension().lastPathComponent)
                let tagged = MetricSeriesService.tagged(parsed.samples, fileName: path, fallback: defaultService)
                events = MetricAnomalyEvents.events(for: tagged, sourceName: sourceName, identity: identity)
                samples = tagged.map(MetricPoint.init)
                for error in parsed.errors {
                    failures.append(("\(error)", "\(path):\(error.line ?? 0)", []))
                }
            case .prometheus:
                // Samples without their own timestamp are taken at the file's modification time.
                let text = String(decoding: data, as: UTF8.self)
                let parsed = PrometheusTextParser.parse(text, scrapeTime: fallback)
                let tagged = MetricSeriesService.tagged(parsed.samples, fileName: path, fallback: defaultService)
                events = MetricAnomalyEvents.events(for: tagged, sourceName: sourceName, identity: identity)
                samples = tagged.map(MetricPoint.init)
                let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
                for error in parsed.errors {
                    let line = error.line ?? 0
                    let raw = line > 0 && line <= lines.count ? Array(lines[line - 1].utf8) : []
                    failures.append(("\(error)", "\(path):\(line)", raw))
                }
            case .otlpLogs:
                events = try OTLPLogParser.parse(data, sourceName: sourceName, sourceIdentity: identity)
            case .table:
                let options = LogParseOptions(
                    sourceName: sourceName, sourceIdentity: identity, timeZone: timeZone, assumedYear: nil,
                    reference: modified ?? Date())
                let table = data.withUnsafeBytes { bytes in
                    TableParser.parse(
                        bytes, dialect: TableDialect.detect(sample: bytes), columns: columns, options: options,
                        defaultSeries: URL(fileURLWithPath: sourceName).deletingPathExtension().lastPathComponent)
                }
                events = table.events
                tableShape = table.layout?.shape
                if !table.spans.isEmpty {
                    var eventizer = SpanEventizer()
                    events += eventizer.eventize(table.spans, sourceName: sourceName, sourceIdentity: identity)
                    spans = table.spans
                }
                if !table.samples.isEmpty {
                    let tagged = MetricSeriesService.tagged(table.samples, fileName: path, fallback: defaultService)
                    events += MetricAnomalyEvents.events(for: tagged, sourceName: sourceName, identity: identity)
                    samples = tagged.map(MetricPoint.init)
                }
                for failure in table.failures {
                    failures.append((failure.reason, failure.location(in: path), failure.raw))
                }
            case .gitlog:
                let text = String(decoding: data, as: UTF8.self)
                let parsed = GitLogParser.events(text, options: GitParseOptions(sourceName: sourceName, sourceIdentity: identity))
                events = parsed.events
                for located in parsed.errors {
                    let start = min(located.offset, data.count)
                    let end = data[start...].firstIndex(of: 10) ?? data.count
                    failures.append(("\(located.error)", "\(path)@\(located.offset)", Array(data[start..<end])))
                }
            }
        } catch {
            failures.append(("cannot read as \(kind.rawValue): \(error)", path, Array(data)))
        }
        let letters = failures.map { DeadLetter(source: path, location: $0.location, reason: $0.reason, raw: $0.raw) }
        return Parsed(events: events, deadLetters: letters, samples: samples, spans: spans, tableShape: tableShape)
    }
}

import Foundation
import InquestCore
import InquestExchange
import InquestIngest
import InquestParsers
import InquestStore
import InquestWatch

/// The kinds of untrusted input Inquest reads, each run through the code path that reads it for
/// real, for coverage-guided fuzzing (`Fuzz/run.sh`) and for replaying kept crash inputs
/// (`InquestFuzzingTests`). A target must never crash or hang on any input: errors are expected
/// and ignored, traps and stack overflows are the findings.
///
/// Targets that cover several parsers take their first byte as a selector, so one fuzzer
/// explores all of them and shares what it learns about JSON, times and numbers between them.
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// Log streams: the first byte picks a format (JSON lines, logfmt, syslog, access, log4j,
    /// plain) or format detection; the second picks where the stream is cut in two feeds, so
    /// records that straddle reads are exercised too. The parsed output is flattened into the
    /// store's batch as `inquest ingest` does.
    case logs
    /// Whole documents: the first byte picks a kind (OTLP traces and logs, Jaeger, Zipkin, JUnit,
    /// GitHub Actions payloads, git log, CSV metric series, Prometheus text) or detection, and the
    /// document goes through `DocumentIngestor.batch`, the path of `inquest ingest` and the watcher.
    case documents
    /// The filter language: parse, then compile to SQL.
    case filter
    /// `inquest import`: investigation bundles and JSON exports.
    case bundle
    /// `inquest watch --config`: the YAML configuration.
    case watchConfig = "watch-config"
    /// `inquest detect`: a metric CSV scored row by row by the anomaly detector.
    case detect

    /// Runs one input through the target.
    public func run(_ input: UnsafeRawBufferPointer) {
        switch self {
        case .logs: Self.runLogs(input)
        case .documents: Self.runDocuments(input)
        case .filter: Self.runFilter(input)
        case .bundle: Self.runBundle(input)
        case .watchConfig: _ = try? WatchConfig.parse(String(decoding: input, as: UTF8.self), path: "fuzz.yaml")
        case .detect: _ = AnomalyScoreTable.render(String(decoding: input, as: UTF8.self), defaultSeries: "fuzz")
        }
    }

    /// Runs one input given as bytes.
    public func run(_ input: [UInt8]) {
        input.withUnsafeBytes { run($0) }
    }

    private static let options = LogParseOptions(sourceName: "fuzz", sourceIdentity: "/fuzz", assumedYear: 2026, referenceMonth: 11)

    private static func runLogs(_ input: UnsafeRawBufferPointer) {
        guard input.count >= 2 else { return }
        let formats = LogFormat.allCases
        let choice = Int(input[0]) % (formats.count + 1)
        let stream = UnsafeRawBufferPointer(rebasing: input[2...])
        let format = choice < formats.count ? formats[choice] : LogFormatDetector.detect(sample: stream)
        let cut = stream.isEmpty ? 0 : Int(input[1]) % (stream.count + 1)
        var parser = LogStreamParser(format: format, options: options)
        var output = ParseOutput()
        parser.feed(UnsafeRawBufferPointer(rebasing: stream[..<cut]), into: &output)
        parser.feed(UnsafeRawBufferPointer(rebasing: stream[cut...]), into: &output)
        parser.finish(into: &output)
        _ = EventBatch(taking: &output, defaultService: "fuzz", path: "/fuzz", checkpoint: nil)
    }

    private static func runDocuments(_ input: UnsafeRawBufferPointer) {
        guard let selector = input.first else { return }
        let kinds = DocumentKind.allCases
        let data = Data(input.dropFirst())
        let choice = Int(selector) % (kinds.count + 1)
        guard let kind = choice < kinds.count ? kinds[choice] : DocumentKind.detect(data) else { return }
        _ = DocumentIngestor.batch(
            data, kind: kind, path: "/fuzz", identity: "/fuzz", sourceName: "fuzz",
            modified: Date(timeIntervalSince1970: 1_800_000_000), checkpoint: nil)
    }

    private static func runFilter(_ input: UnsafeRawBufferPointer) {
        guard let filter = try? Filter.parse(String(decoding: input, as: UTF8.self)) else { return }
        _ = FilterSQLCompiler.compile(filter, now: Timestamp(seconds: 1_800_000_000))
    }

    private static func runBundle(_ input: UnsafeRawBufferPointer) {
        let data = Data(input)
        _ = try? BundleCodec.decode(data, path: "fuzz.bundle")
        if let document = try? ExportDocumentReader.decode(data, path: "fuzz.json") {
            _ = try? ExportDocumentReader.bundle(from: document, path: "fuzz.json")
        }
    }
}

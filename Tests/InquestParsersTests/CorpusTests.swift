import Foundation
import InquestCore
import Testing
@testable import InquestParsers

/// Runs the shared public corpus (when present) through detection and parsing.
struct CorpusTests {
    static var corpora: URL? { SharedCorpus.root }

    static func load(_ path: String) -> [UInt8]? {
        SharedCorpus.data(path).map(Array.init)
    }

    static func parse(_ bytes: [UInt8], format: LogFormat? = nil) -> (LogFormat, ParseOutput) {
        let detected = format ?? bytes.withUnsafeBytes { LogFormatDetector.detect(sample: $0) }
        var parser = LogStreamParser(format: detected, options: ParseHarness.options(year: 2026, month: 11))
        var output = ParseOutput()
        bytes.withUnsafeBytes { all in
            var start = 0
            while start < all.count {
                let end = min(all.count, start + 8191)
                parser.feed(UnsafeRawBufferPointer(rebasing: all[start..<end]), into: &output)
                start = end
            }
        }
        parser.finish(into: &output)
        return (detected, output)
    }

    static let loghub: [(String, LogFormat)] = [
        ("Apache/Apache_2k.log", .log4j), ("BGL/BGL_2k.log", .plain), ("HDFS/HDFS_2k.log", .log4j),
        ("Hadoop/Hadoop_2k.log", .log4j), ("Linux/Linux_2k.log", .syslog), ("OpenSSH/OpenSSH_2k.log", .syslog),
        ("Spark/Spark_2k.log", .log4j), ("Zookeeper/Zookeeper_2k.log", .log4j),
    ]

    @Test(.enabled(if: corpora != nil), arguments: loghub)
    func loghubFileParsesEveryLineAsOneRecord(path: String, expected: LogFormat) throws {
        let bytes = try #require(Self.load("loghub/" + path))
        let (format, output) = Self.parse(bytes)
        #expect(format == expected)
        #expect(output.physicalLines == 2000)
        #expect(output.events.count == 2000)
        #expect(output.failures.isEmpty, "\(output.failures.prefix(3).map(\.reason))")
        #expect(output.events.allSatisfy { !$0.timeQuality.contains(.missing) })
        #expect(output.events.allSatisfy { $0.raw.last != 0x0D })
    }
}

extension CorpusTests {
    @Test(.enabled(if: corpora != nil))
    func apacheAccessLogParsesEveryLine() throws {
        let bytes = try #require(Self.load("elastic-examples/apache_logs/apache_logs"))
        let (format, output) = Self.parse(bytes)
        #expect(format == .access)
        #expect(output.physicalLines == 10_000, "wc -l apache_logs = 10000")
        #expect(output.events.count == 10_000)
        #expect(output.failures.isEmpty, "\(output.failures.prefix(3).map(\.reason))")
        #expect(output.events.allSatisfy { $0.timeQuality == [] })
    }

    @Test(.enabled(if: corpora != nil))
    func kafkaServerLogFoldsStackTraces() throws {
        let bytes = try #require(Self.load("elastic-examples/kafka_monitoring/kafka1/logs/server.log.2016-12-19-20"))
        let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast()
        let continuation = lines.filter { $0.first != UInt8(ascii: "[") }.count
        let (format, output) = Self.parse(bytes)
        #expect(format == .log4j)
        #expect(output.physicalLines == lines.count)
        #expect(continuation == 30)
        #expect(output.events.count == lines.count - continuation)
        #expect(output.failures.isEmpty)
        let folded = output.events.filter { $0.raw.contains(0x0A) }
        #expect(!folded.isEmpty)
        #expect(folded.allSatisfy { $0.message.contains("\tat ") })
    }

    @Test(.enabled(if: corpora != nil))
    func elasticsearchMultiLineJSONRecordsAllParse() throws {
        let bytes = try #require(Self.load("elastic-beats/filebeat/tests/files/logs/es_startup_shutdown_due_to_exception.log"))
        let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        let starts = lines.filter { $0.first == UInt8(ascii: "{") }.count
        let (format, output) = Self.parse(bytes)
        #expect(format == .json)
        #expect(output.failures.isEmpty, "\(output.failures.prefix(3).map(\.reason))")
        #expect(output.events.count == starts)
        let withTrace = output.events.filter { $0.attributesJSON.contains("\"stacktrace\":[") }
        #expect(!withTrace.isEmpty)
        #expect(withTrace.allSatisfy { $0.raw.contains(0x0A) })
        #expect(output.events.allSatisfy { $0.timeQuality == [] && $0.host == "node-0" })
        for event in withTrace {
            #expect((try? JSONSerialization.jsonObject(with: Data(event.attributesJSON.utf8))) != nil)
        }
    }

    @Test(.enabled(if: corpora != nil), arguments: loghub)
    func loghubLevelsMatchTheStructuredGroundTruth(path: String, expected: LogFormat) throws {
        guard let csv = Self.load("loghub/" + path + "_structured.csv"), let bytes = Self.load("loghub/" + path) else { return }
        let header = csv.split(separator: 0x0A).first.map { String(decoding: $0, as: UTF8.self) } ?? ""
        let columns = header.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespacesAndNewlines) }
        guard let levelColumn = columns.firstIndex(of: "Level"), expected == .log4j else { return }
        let rows = csv.split(separator: 0x0A).dropFirst().map { String(decoding: $0, as: UTF8.self) }
        let (_, output) = Self.parse(bytes)
        try #require(rows.count == output.events.count)
        var mismatches = 0
        for (row, event) in zip(rows, output.events) {
            let fields = row.split(separator: ",", omittingEmptySubsequences: false)
            guard levelColumn < fields.count else { continue }
            let level = String(fields[levelColumn])
            if let severity = Severity(levelText: level), severity != event.severity { mismatches += 1 }
        }
        #expect(mismatches == 0)
    }
}

extension CorpusTests {
    /// Every file of the corpus (JSON documents, CSV, XML, GC logs…) goes through detection and its
    /// parser without a crash, and every physical line is accounted for.
    @Test(.enabled(if: corpora != nil))
    func everyCorpusFileParsesWithoutLosingLines() throws {
        let root = try #require(Self.corpora)
        let files = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String } ?? []
        var parsed = 0
        for path in files where !path.hasSuffix(".md") {
            guard let bytes = Self.load(path), !bytes.isEmpty else { continue }
            let (format, output) = Self.parse(bytes)
            let newlines = bytes.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
            let expectedLines = newlines + (bytes.last == 0x0A ? 0 : 1)
            #expect(output.physicalLines == expectedLines, "\(path) as \(format.rawValue)")
            #expect(output.events.count + output.failures.count <= expectedLines, "\(path)")
            parsed += 1
        }
        #expect(parsed > 50)
    }
}

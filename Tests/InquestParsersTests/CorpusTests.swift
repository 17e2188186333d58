import Foundation
import InquestTestSupport
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

    @Test(.enabled(if: corpora != nil, SharedCorpus.skipReason), arguments: loghub)
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
    @Test(.enabled(if: corpora != nil, SharedCorpus.skipReason))
    func apacheAccessLogParsesEveryLine() throws {
        let bytes = try #require(Self.load("elastic-examples/apache_logs/apache_logs"))
        let (format, output) = Self.parse(bytes)
        #expect(format == .access)
        #expect(output.physicalLines == 10_000, "wc -l apache_logs = 10000")
        #expect(output.events.count == 10_000)
        #expect(output.failures.isEmpty, "\(output.failures.prefix(3).map(\.reason))")
        #expect(output.events.allSatisfy { $0.timeQuality == [] })
    }

    @Test(.enabled(if: corpora != nil, SharedCorpus.skipReason))
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

    @Test(.enabled(if: corpora != nil, SharedCorpus.skipReason))
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

    /// The loghub files whose structured CSV has a `Level` column written by the log itself.
    static let loghubWithLevels = loghub.filter { $0.1 == .log4j }

    @Test(.enabled(if: corpora != nil, SharedCorpus.skipReason), arguments: loghubWithLevels)
    func loghubLevelsMatchTheStructuredGroundTruth(path: String, expected: LogFormat) throws {
        let csv = try #require(Self.load("loghub/" + path + "_structured.csv"), "missing \(path)_structured.csv")
        let bytes = try #require(Self.load("loghub/" + path))
        let lines = csv.split(separator: 0x0A).map { String(decoding: $0, as: UTF8.self) }
        let columns = CSVRow.fields(lines.first ?? "").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        let levelColumn = try #require(columns.firstIndex(of: "Level"), "\(path): no Level column in \(columns)")
        let rows = lines.dropFirst().map(CSVRow.fields)
        let (format, output) = Self.parse(bytes)
        #expect(format == expected)
        try #require(rows.count == output.events.count)
        var mismatches: [String] = []
        for (row, event) in zip(rows, output.events) {
            let level = try #require(levelColumn < row.count ? row[levelColumn] : nil, "\(path): short row \(row)")
            let severity = try #require(Severity(levelText: level), "\(path): level \(level) not recognised")
            if severity != event.severity { mismatches.append("\(level) read as \(event.severity)") }
        }
        #expect(mismatches.isEmpty, "\(path): \(mismatches.count) mismatches, first \(mismatches.prefix(3))")
    }
}

/// Splits one CSV line into fields (RFC 4180 quoting: `"a,b"`, `""` for a quote).
enum CSVRow {
    static func fields(_ line: String) -> [String] {
        var fields: [String] = []
        var field = ""
        var quoted = false
        var iterator = line.makeIterator()
        var pending: Character? = nil
        while let character = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if character == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" { field.append("\"") } else { quoted = false; pending = next }
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(character)
                }
            } else if character == "\"" {
                quoted = true
            } else if character == "," {
                fields.append(field)
                field = ""
            } else {
                field.append(character)
            }
        }
        fields.append(field)
        return fields
    }
}

extension CorpusTests {
    /// Every file of the corpus (JSON documents, CSV, XML, GC logs…) goes through detection and its
    /// parser without a crash, and every physical line is accounted for.
    @Test(.enabled(if: corpora != nil, SharedCorpus.skipReason))
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

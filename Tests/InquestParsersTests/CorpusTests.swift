import Foundation
import InquestCore
import Testing
@testable import InquestParsers

/// Runs the shared public corpus (when present) through detection and parsing.
struct CorpusTests {
    static let corpora: URL? = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        let root = url.deletingLastPathComponent().appendingPathComponent("shared/corpora")
        return FileManager.default.fileExists(atPath: root.path) ? root : nil
    }()

    static func load(_ path: String) -> [UInt8]? {
        guard let corpora, let data = FileManager.default.contents(atPath: corpora.appendingPathComponent(path).path) else {
            return nil
        }
        return Array(data)
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

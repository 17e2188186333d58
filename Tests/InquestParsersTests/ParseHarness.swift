import Foundation
import InquestCore
@testable import InquestParsers

/// Runs a whole input through a ``LogStreamParser``, optionally in chunks.
enum ParseHarness {
    static let utc = TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0) ?? .current

    static func options(year: Int = 2026, month: Int = 11, zone: TimeZone = utc) -> LogParseOptions {
        LogParseOptions(sourceName: "test.log", sourceIdentity: "/tmp/test.log", timeZone: zone,
                        assumedYear: year, referenceMonth: month)
    }

    static func parse(_ text: String, _ format: LogFormat, options: LogParseOptions = options()) -> ParseOutput {
        parse(Array(text.utf8), format, options: options)
    }

    static func parse(_ bytes: [UInt8], _ format: LogFormat, options: LogParseOptions = options(),
                      splits: [Int] = []) -> ParseOutput {
        var parser = LogStreamParser(format: format, options: options)
        var output = ParseOutput()
        bytes.withUnsafeBytes { all in
            var start = 0
            for split in splits.sorted() where split > start && split < all.count {
                parser.feed(UnsafeRawBufferPointer(rebasing: all[start..<split]), into: &output)
                start = split
            }
            parser.feed(UnsafeRawBufferPointer(rebasing: all[start..<all.count]), into: &output)
        }
        parser.finish(into: &output)
        return output
    }

    static func detect(_ text: String) -> LogFormat {
        Array(text.utf8).withUnsafeBytes { LogFormatDetector.detect(sample: $0) }
    }

    static func time(_ iso: String) -> Timestamp? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: iso) { return Timestamp(date: date) }
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: iso).map { Timestamp(date: $0) }
    }
}

import Foundation
import Testing
@testable import InquestCore

/// Keeps FILTER_SYNTAX.md honest: every example in it must parse, and every error example must
/// fail with exactly the message the document shows.
@Suite struct FilterSyntaxDocTests {
    static let document: String = {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/InquestCore/Filter/FILTER_SYNTAX.md")
        return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }()

    /// Table rows as cells, for tables whose first header cell is `header`.
    static func rows(underHeader header: String) -> [[String]] {
        var rows: [[String]] = []
        var inTable = false
        for line in document.split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.hasPrefix("|") else {
                inTable = false
                continue
            }
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            if cells.first == header {
                inTable = true
            } else if inTable, cells.first?.hasPrefix("---") == false {
                rows.append(cells.map { $0.hasPrefix("`") && $0.hasSuffix("`") ? String($0.dropFirst().dropLast()) : $0 })
            }
        }
        return rows
    }

    @Test func documentIsFound() {
        #expect(Self.document.contains("# Filter syntax"))
        #expect(Self.rows(underHeader: "you type").count >= 30)
        #expect(Self.rows(underHeader: "example").count >= 8)
    }

    @Test func everyTypedExampleParses() {
        for row in Self.rows(underHeader: "you type") {
            let example = row[0]
            // `a b` / `a AND b` style cells hold two alternatives.
            for alternative in example.components(separatedBy: "` or `") where !alternative.contains("...") {
                #expect(throws: Never.self, "\(alternative)") { try Filter.parse(alternative) }
            }
        }
    }

    @Test func everyErrorExampleFailsWithTheDocumentedMessage() {
        for row in Self.rows(underHeader: "example") {
            #expect(throws: (any Error).self) { try Filter.parse(row[0]) }
            do {
                _ = try Filter.parse(row[0])
            } catch {
                #expect(error.description == row[1], "example: \(row[0])")
            }
        }
    }

    @Test func everyExampleLineParses() throws {
        let examples = try #require(Self.document.components(separatedBy: "## Examples").last)
        let block = examples.components(separatedBy: "```")[1]
        let lines = block.split(separator: "\n").map { String($0.components(separatedBy: "  ")[0]) }
        #expect(lines.count >= 8)
        for line in lines {
            #expect(throws: Never.self, "\(line)") { try Filter.parse(line) }
        }
    }

    @Test func caretExampleMatchesRendering() throws {
        let input = "service:api (sev:error"
        let error = try #require(throws: FilterError.self) { try Filter.parse(input) }
        #expect(Self.document.contains("```\n" + error.rendered(for: input) + "\n```"))
    }
}

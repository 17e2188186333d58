import Foundation
import InquestCore
import InquestText

/// `inquest suspects` output: a table for people, JSON (`service`, `score`, `evidence` with
/// `kind`, `summary`, `filter` and the numbers) for scripts.
enum SuspectsPrinter {
    static func table(_ suspects: [Suspect], at time: Timestamp) -> String {
        var lines = ["suspects at \(time.iso8601)"]
        if suspects.isEmpty { lines.append("  nothing stands out") }
        for (rank, suspect) in suspects.enumerated() {
            let name = DisplayWidth.truncate(TextSanitizer.singleLine(suspect.service), to: 40)
            lines.append("")
            lines.append("\(rank + 1). \(name)  score \(String(format: "%.2f", suspect.score))")
            for row in suspect.evidence {
                let summary = TextSanitizer.singleLine(row.summary)
                lines.append("   \(String(format: "%+.2f", row.contribution)) \(row.kind.rawValue): \(summary)")
                lines.append("         filter: \(TextSanitizer.singleLine(row.filter.text))")
            }
        }
        return lines.joined(separator: "\n")
    }

    struct SuspectJSON: Encodable {
        var service: String
        var score: Double
        var evidence: [EvidenceJSON]
    }

    struct EvidenceJSON: Encodable {
        var kind: String
        var summary: String
        var filter: String
        var contribution: Double
        var before: Double?
        var after: Double?
        var at: String?
    }

    static func json(_ suspects: [Suspect]) throws -> String {
        let values = suspects.map { suspect in
            SuspectJSON(
                service: suspect.service, score: rounded(suspect.score),
                evidence: suspect.evidence.map { row in
                    EvidenceJSON(
                        kind: row.kind.rawValue, summary: row.summary, filter: row.filter.text,
                        contribution: rounded(row.contribution), before: row.before.map(rounded), after: row.after.map(rounded),
                        at: row.at?.iso8601)
                })
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(values), as: UTF8.self)
    }

    static func rounded(_ value: Double) -> Double {
        guard value.isFinite else { return 0 }
        return (value * 10_000).rounded() / 10_000
    }
}

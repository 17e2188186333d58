import InquestText
import Foundation
import InquestIngest

/// The closing summary of `inquest ingest`.
enum IngestSummaryPrinter {
    static func render(_ summary: IngestSummary, database: String) -> String {
        var lines: [String] = []
        for file in summary.files {
            let resumed = file.resumedAfterLines > 0 ? "went on after line \(file.resumedAfterLines.formatted()) (stored before), then " : ""
            lines.append("\(TextSanitizer.singleLine(file.path)) [\(TextSanitizer.singleLine(file.format))]: \(resumed)\(file.physicalLines.formatted()) lines, \(file.stored.formatted()) events stored, \(file.duplicates.formatted()) duplicates skipped, \(file.deadLettered.formatted()) dead-lettered"
                + (file.blankLines > 0 ? ", \(file.blankLines.formatted()) blank" : "")
                + (file.continuationLines > 0 ? ", \(file.continuationLines.formatted()) joined to the record before" : "")
                + (file.samplesStored > 0 ? ", \(file.samplesStored.formatted()) samples stored" : "")
                + (file.spansStored > 0 ? ", \(file.spansStored.formatted()) spans stored" : ""))
            for reason in file.failureReasons.prefix(5) {
                lines.append("  \(reason.count)× \(TextSanitizer.singleLine(reason.reason)) (first at \(TextSanitizer.singleLine(reason.firstLocation)))")
            }
            if file.failureReasons.count > 5 {
                lines.append("  … \(file.failureReasons.count - 5) more reasons: inquest dlq list")
            }
        }
        let rate = summary.storeSeconds > 0 ? Double(summary.physicalLines) / summary.storeSeconds : 0
        let storeTime = String(format: "%.2f", summary.storeSeconds)
        let indexTime = String(format: "%.2f", summary.fullTextSeconds)
        lines.append("total: \(summary.stored.formatted()) events stored, \(summary.duplicates.formatted()) duplicates skipped, \(summary.deadLettered.formatted()) dead-lettered\(summary.blankLines > 0 ? ", \(summary.blankLines.formatted()) blank lines" : "") in \(storeTime)s (\(Int(rate).formatted()) lines/s); full-text index ready at \(indexTime)s → \(TextSanitizer.singleLine(database))")
        return lines.joined(separator: "\n")
    }
}

import Foundation
import InquestCore
import InquestReport
import InquestStore

/// The canvas's `:export`: builds the investigation's report document and writes it to the
/// given path or to `<database dir>/exports/<slug>-<id>.<ext>`.
struct CanvasExport {
    let store: InquestStore
    let environment: [String: String]

    /// Writes the report; returns the files written (the report first).
    func write(investigationID: Int64, formatName: String, path: String?, now: Timestamp) throws(ReportError) -> [String] {
        guard let format = ReportFormat(name: formatName) else {
            throw .cannotWrite(path: path ?? "(export)", reason: "unknown format \(formatName.debugDescription); use md, json, html or pdf")
        }
        let builder = InvestigationDocumentBuilder(
            store: store, clock: ReportClock(timeZone: ReportClock.investigatorZone(environment: environment)),
            exportedBy: CurrentUser.name, now: now, generator: "inquest")
        let document = try builder.build(investigationID: investigationID)
        let target = path.map(expandingHome) ?? ReportWriter.defaultPath(databasePath: store.path, document: document, format: format)
        return try ReportWriter(environment: environment).write(document, format: format, to: target)
    }

    func expandingHome(_ path: String) -> String {
        guard path == "~" || path.hasPrefix("~/"), let home = environment["HOME"], !home.isEmpty else { return path }
        return home + path.dropFirst()
    }
}

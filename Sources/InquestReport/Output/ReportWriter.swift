import Foundation
import InquestCore

/// Renders a document in a format and writes it to a file: the one place both the CLI and the
/// canvas go through. A Markdown report written to a file gets its chart as an SVG next to it
/// (`<name>.density.svg`), referenced from the Markdown.
public struct ReportWriter: Sendable {
    public let environment: [String: String]

    public init(environment: [String: String]) { self.environment = environment }

    /// The report as text (for standard output); PDF is not text.
    public func text(_ document: InvestigationDocument, format: ReportFormat) throws(ReportError) -> String? {
        switch format {
        case .md: MarkdownReport().render(document)
        case .json: try ReportJSON.render(document)
        case .html: HTMLReport().render(document)
        case .pdf: nil
        }
    }

    /// Writes the report (and, for Markdown, its chart) to `path`; returns every path written.
    @discardableResult
    public func write(_ document: InvestigationDocument, format: ReportFormat, to path: String) throws(ReportError) -> [String] {
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            } catch {
                throw .cannotWrite(path: directory, reason: "\(error.localizedDescription)")
            }
        }
        switch format {
        case .pdf:
            try PDFPrinter.locate(environment: environment).print(html: HTMLReport().render(document), to: path)
            do {
                try PrivateFile.restrict(path)
            } catch {
                throw .cannotWrite(path: path, reason: "cannot set mode 0600: \(error.localizedDescription)")
            }
            return [path]
        case .md:
            var written: [String] = []
            var chartName: String?
            if let svg = DensitySVG.render(document.density, windowEnd: document.header.window?.end, standalone: true) {
                let base = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
                let name = base + ".density.svg"
                let chartPath = directory.isEmpty ? name : (directory as NSString).appendingPathComponent(name)
                try Self.write(svg, to: chartPath)
                written.append(chartPath)
                chartName = name
            }
            try Self.write(MarkdownReport(chartImagePath: chartName).render(document), to: path)
            return [path] + written
        case .json, .html:
            try Self.write(try text(document, format: format) ?? "", to: path)
            return [path]
        }
    }

    static func write(_ text: String, to path: String) throws(ReportError) {
        do {
            // Exports hold raw log records: owner-only, like the store.
            try PrivateFile.write(Data(text.utf8), to: path)
        } catch {
            throw .cannotWrite(path: path, reason: "\(error.localizedDescription)")
        }
    }

    /// `<database dir>/exports/<slug>-<id>.<ext>`: where exports go when no path is given.
    public static func defaultPath(databasePath: String, document: InvestigationDocument, format: ReportFormat) -> String {
        let directory = ((databasePath as NSString).deletingLastPathComponent as NSString).appendingPathComponent("exports")
        return (directory as NSString).appendingPathComponent(
            "\(slug(document.header.title))-\(document.header.investigationID).\(format.fileExtension)")
    }

    /// Lower-case ASCII letters and digits joined by single dashes, at most 48 characters.
    public static func slug(_ title: String) -> String {
        var out = ""
        for scalar in title.lowercased().unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                out.unicodeScalars.append(scalar)
            } else if !out.isEmpty, !out.hasSuffix("-") {
                out.append("-")
            }
            if out.count >= 48 { break }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? "investigation" : out
    }
}

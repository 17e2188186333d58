import Foundation
import InquestReport
import Testing

/// One golden file per format for the fixed demo investigation of ``ReportFixtures``.
@Suite struct ReportGoldenTests {
    @Test func markdownMatchesGolden() throws {
        let markdown = MarkdownReport(chartImagePath: "demo.density.svg").render(try ReportFixtures.demoDocument())
        try Golden.assertMatches(markdown, named: "demo.md")
    }

    @Test func jsonMatchesGolden() throws {
        try Golden.assertMatches(try ReportJSON.render(try ReportFixtures.demoDocument()), named: "demo.json")
    }

    @Test func htmlMatchesGolden() throws {
        try Golden.assertMatches(HTMLReport().render(try ReportFixtures.demoDocument()), named: "demo.html")
    }

    @Test func chartSVGMatchesGolden() throws {
        let document = try ReportFixtures.demoDocument()
        let svg = try #require(DensitySVG.render(document.density, windowEnd: document.header.window?.end, standalone: true))
        try Golden.assertMatches(svg, named: "demo.density.svg")
    }

    /// The PDF golden is its text as `pdftotext -layout` extracts it: selectable text, in order.
    @Test(
        .enabled(if: ExternalTool.hasPDFToText, "pdftotext not installed (apt-get install poppler-utils); CI installs it"),
        .enabled(if: ExternalTool.hasPDFPrinter, "no PDF renderer (apt-get install chromium); CI installs it")
    )
    func pdfTextMatchesGolden() throws {
        let pdftotext = try #require(ExternalTool.path("pdftotext"))
        let printer = try PDFPrinter.locate(environment: ProcessInfo.processInfo.environment)
        let directory = try ExternalTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let pdf = directory.appendingPathComponent("demo.pdf").path
        try printer.print(html: HTMLReport().render(try ReportFixtures.demoDocument()), to: pdf)
        let header = try Data(contentsOf: URL(fileURLWithPath: pdf)).prefix(5)
        #expect(String(decoding: header, as: UTF8.self) == "%PDF-")
        let text = try ExternalTool.run(pdftotext, ["-layout", pdf, "-"])
        #expect(text.status == 0)
        #expect(text.output.contains("Checkout errors after v2.14.0 deploy"))
        #expect(text.output.contains("connection pool exhausted"))
        // The text layout is Chromium's: the golden holds for the version that recorded it
        // (demo.pdf.chromium-version); under another version only the content checks above run.
        let version = try ExternalTool.run(printer.program, ["--version"]).output
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let versionFile = Golden.directory.appendingPathComponent("demo.pdf.chromium-version")
        if Golden.recording {
            try Data((version + "\n").utf8).write(to: versionFile)
        }
        let recorded = (try? String(contentsOf: versionFile, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
        if recorded == version {
            try Golden.assertMatches(Self.normalized(text.output), named: "demo.pdf.txt")
        } else {
            print("pdfTextMatchesGolden: golden recorded with \(recorded ?? "an unknown renderer"), this is \(version); layout not compared")
            for line in ["Timeline", "Notes", "Appendix"] { #expect(text.output.contains(line)) }
        }
        if let pdftoppm = ExternalTool.path("pdftoppm") {
            let prefix = directory.appendingPathComponent("page").path
            let image = try ExternalTool.run(pdftoppm, ["-png", "-r", "60", "-f", "1", "-l", "1", pdf, prefix])
            #expect(image.status == 0)
            let pages = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasPrefix("page") && $0.hasSuffix(".png") }
            #expect(pages.count == 1)
            if let keep = ProcessInfo.processInfo.environment["INQUEST_KEEP_IMAGES"], let page = pages.first {
                try? FileManager.default.removeItem(atPath: keep + "/demo-pdf-page1.png")
                try FileManager.default.copyItem(atPath: directory.appendingPathComponent(page).path, toPath: keep + "/demo-pdf-page1.png")
            }
        }
    }

    /// Trailing blanks and form feeds vary with the renderer's layout, not with the content.
    static func normalized(_ text: String) -> String {
        text.replacingOccurrences(of: "\u{0C}", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
            .map { line -> String in
                var line = String(line)
                while line.last == " " { line.removeLast() }
                return line
            }
            .joined(separator: "\n")
    }
}

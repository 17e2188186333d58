import Foundation
import InquestCore
import InquestReport
import InquestStore
import Testing

/// Hostile text in every field an investigator or a log can fill, rendered in every format.
@Suite struct HostileTextTests {
    static let hostile = "<script>alert(1)</script> a|b ]] `tick` ``x`` [link](javascript:alert(2)) <img src=x onerror=alert(3)> "
        + "\u{1B}[31mRED\u{1B}[0m \u{1B}]8;;http://evil.example/\u{07}osc\u{1B}]8;;\u{07} \u{9B}2J \u{07}\u{08}\u{7F} "
        + "\u{202E}desrever\u{202C} &amp; [^1] # heading\nsecond line\r\nthird"

    static func hostileDocument() throws -> InvestigationDocument {
        let store = try InquestStore.inMemory()
        let raw: [UInt8] = Array(hostile.utf8) + [0xFF, 0x1B, 0x5B, 0x32, 0x4A, 0x00]
        _ = try store.append(EventBatch(events: [
            ReportFixtures.event(1, at: ReportFixtures.time(5), severity: .error, service: hostile, message: hostile, raw: raw),
        ]))
        let eventID = try #require(try store.window(.everything, anchor: .oldest, limit: 1).first?.id)
        let investigation = try store.createInvestigation(Investigation(
            title: hostile, summary: hostile, status: .investigating, severity: .sev1, owner: "mallory|<b>x</b>",
            createdAt: ReportFixtures.time(1), affectedServices: [hostile, "a|b"], rootCause: hostile, impact: hostile,
            resolution: hostile))
        let id = try #require(investigation.id)
        try store.link(eventID: eventID, toInvestigation: id, reason: hostile, by: "mallory", at: ReportFixtures.time(6))
        try store.addTag("a|b`<i>`", eventID: eventID, by: "mallory", at: ReportFixtures.time(6))
        try store.addNote(investigationID: id, body: hostile + " cites [[event:\(eventID)]] and ]] [[event:\(eventID)]]",
                          author: "mallory<script>", at: ReportFixtures.time(7))
        return try ReportFixtures.builder(store).build(investigationID: id)
    }

    /// No terminal escape, C1 control, bidi override or NUL reaches the output.
    static func expectInert(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let bad = text.unicodeScalars.filter { scalar in
            let value = scalar.value
            return (value < 0x20 && value != 0x0A && value != 0x09) || (0x7F...0x9F).contains(value)
                || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
        }
        #expect(bad.isEmpty, "control scalars left: \(bad.map { String($0.value, radix: 16) })", sourceLocation: sourceLocation)
    }

    @Test func markdownEscapesMarkupPipesAndControls() throws {
        let document = try Self.hostileDocument()
        let markdown = MarkdownReport().render(document)
        Self.expectInert(markdown)
        // Every `<` is escaped except the report's own timeline anchors.
        let unescapedAngles = markdown.components(separatedBy: "<").dropFirst().filter { !$0.hasPrefix("a id=\"e") && !$0.hasPrefix("/a>") }
        let lines = markdown.split(separator: "\n").map(String.init)
        var inFence = false
        for line in lines {
            if line.hasPrefix("```") { inFence.toggle(); continue }
            if inFence { continue }
            for (index, character) in line.enumerated() where character == "<" {
                let before = index > 0 ? line[line.index(line.startIndex, offsetBy: index - 1)] : " "
                let rest = line.dropFirst(index)
                #expect(before == "\\" || rest.hasPrefix("<a id=\"e") || rest.hasPrefix("</a>"), "unescaped < in: \(line)")
            }
        }
        #expect(!unescapedAngles.isEmpty)
        // Timeline rows keep their 10 column separators: hostile `|` is escaped.
        let row = try #require(lines.first { $0.hasPrefix("| <a id=\"e1\">") })
        #expect(Self.unescapedPipes(row) == 10)
        let servicesRow = try #require(lines.first { $0.hasPrefix("| Affected services |") })
        #expect(Self.unescapedPipes(servicesRow) == 3)
        // Citations became footnotes; the hostile `]]` and `[^1]` text are escaped.
        #expect(markdown.contains("cites [^1] and \\]\\] [^1]"))
        #expect(markdown.contains("\\[\\^1\\]"))
        #expect(markdown.contains("\\^\\[\\[31mRED"))
        // The raw record's fence is longer than any backtick run inside it.
        #expect(markdown.contains("\\xFF^[[2J^@"))
    }

    @Test func htmlContainsOnlyItsOwnTags() throws {
        let html = HTMLReport().render(try Self.hostileDocument())
        Self.expectInert(html)
        let allowed: Set<String> = [
            "!DOCTYPE", "html", "head", "meta", "title", "style", "body", "header", "p", "span", "h1", "h2", "h3", "table",
            "tbody", "thead", "tr", "th", "td", "section", "figure", "figcaption", "svg", "rect", "line", "text", "path",
            "article", "sup", "a", "ol", "li", "div", "pre", "br",
        ]
        var tags = Set<String>()
        for piece in html.components(separatedBy: "<").dropFirst() {
            let name = piece.prefix { $0.isLetter || $0.isNumber || $0 == "!" || $0 == "/" }.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
            tags.insert(name)
        }
        #expect(tags.subtracting(allowed).isEmpty, "unexpected tags: \(tags.subtracting(allowed))")
        #expect(!html.contains("<img"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!html.lowercased().contains("javascript:alert(2)\""))
        #expect(!html.contains("href=\"javascript"))
        // Nothing outside the file is referenced.
        #expect(!html.contains("src=\""))
        #expect(!html.contains("href=\"http"))
        #expect(!html.contains("url("))
        #expect(!html.contains("@import"))
    }

    @Test func jsonKeepsTheDataExactButPrintsNoControls() throws {
        let document = try Self.hostileDocument()
        let json = try ReportJSON.render(document)
        Self.expectInert(json)
        let decoded = try ReportJSON.decode(Data(json.utf8))
        #expect(decoded.header.title == Self.hostile)
        #expect(decoded == document)
    }

    @Test func chartSVGHasNoScriptsOrReferences() throws {
        let document = try Self.hostileDocument()
        let svg = try #require(DensitySVG.render(document.density, windowEnd: document.header.window?.end, standalone: true))
        #expect(!svg.contains("<script"))
        #expect(!svg.contains("href"))
        Self.expectInert(svg)
    }

    @Test(
        .enabled(if: ExternalTool.hasPDFToText, "pdftotext not installed (apt-get install poppler-utils); CI installs it"),
        .enabled(if: ExternalTool.hasPDFPrinter, "no PDF renderer (apt-get install chromium); CI installs it")
    )
    func pdfShowsHostileTextAsText() throws {
        let pdftotext = try #require(ExternalTool.path("pdftotext"))
        let printer = try PDFPrinter.locate(environment: ProcessInfo.processInfo.environment)
        let directory = try ExternalTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let pdf = directory.appendingPathComponent("hostile.pdf").path
        try printer.print(html: HTMLReport().render(try Self.hostileDocument()), to: pdf)
        let text = try ExternalTool.run(pdftotext, [pdf, "-"]).output
        #expect(text.contains("<script>alert(1)</script>"))
        #expect(text.contains("^[[31mRED"))
        Self.expectInert(text.replacingOccurrences(of: "\u{0C}", with: "\n"))
    }

    static func unescapedPipes(_ line: String) -> Int {
        var count = 0
        var escaped = false
        for character in line {
            if escaped { escaped = false; continue }
            if character == "\\" { escaped = true } else if character == "|" { count += 1 }
        }
        return count
    }
}

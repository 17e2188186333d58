import Foundation
import InquestReport
import Testing

/// The HTML report opened in real headless Chromium: it must render to a screenshot with no
/// console messages and no network requests. `INQUEST_KEEP_IMAGES=DIR` keeps the PNGs.
@Suite struct HTMLBrowserTests {
    static func chromium() -> String? {
        ProcessInfo.processInfo.environment["INQUEST_PDF_RENDERER"].flatMap { $0.isEmpty ? nil : $0 }
            ?? PDFPrinter.candidates.lazy.compactMap(ExternalTool.path).first
    }

    /// Screenshots `html`; returns the PNG path and Chromium's log.
    static func screenshot(_ html: String, name: String, in directory: URL) throws -> (png: String, log: String)? {
        guard let chromium = chromium() else { return nil }
        let page = directory.appendingPathComponent(name + ".html")
        try Data(html.utf8).write(to: page)
        let png = directory.appendingPathComponent(name + ".png").path
        var arguments = [
            "--headless", "--disable-gpu", "--no-first-run", "--hide-scrollbars",
            "--user-data-dir=" + directory.appendingPathComponent("profile-\(name)").path,
            "--enable-logging=stderr", "--v=0", "--host-resolver-rules=MAP * ~NOTFOUND",
            "--screenshot=" + png, "--window-size=1200,1600", page.absoluteString,
        ]
        if geteuid() == 0 { arguments.insert("--no-sandbox", at: 1) }
        let result = try ExternalTool.run(chromium, arguments)
        #expect(result.status == 0, "chromium failed: \(result.error.suffix(500))")
        if let keep = ProcessInfo.processInfo.environment["INQUEST_KEEP_IMAGES"] {
            try? FileManager.default.removeItem(atPath: keep + "/" + name + ".png")
            try? FileManager.default.copyItem(atPath: png, toPath: keep + "/" + name + ".png")
        }
        return (png, result.error + result.output)
    }

    /// Log lines that mean the page did something wrong: console output (including CSP
    /// refusals) or a network request.
    static func problems(in log: String) -> [String] {
        log.split(separator: "\n").map(String.init).filter { line in
            line.contains("CONSOLE") || line.contains("Refused to") || line.contains("net::ERR")
                || line.contains("Content Security Policy") || line.contains("Uncaught")
        }
    }

    @Test(.enabled(if: chromium() != nil, "chromium not installed (apt-get install chromium); CI installs it"), arguments: ["demo", "hostile"])
    func rendersWithoutConsoleErrorsOrRequests(name: String) throws {
        let document = name == "demo" ? try ReportFixtures.demoDocument() : try HostileTextTests.hostileDocument()
        let directory = try ExternalTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (png, log) = try #require(try Self.screenshot(HTMLReport().render(document), name: "report-\(name)", in: directory))
        let bytes = try Data(contentsOf: URL(fileURLWithPath: png))
        #expect(bytes.prefix(4) == Data([0x89, 0x50, 0x4E, 0x47]))
        #expect(bytes.count > 20_000, "a 1200×1600 report screenshot should not be blank")
        #expect(Self.problems(in: log).isEmpty, "\(Self.problems(in: log))")
    }

    @Test func theReportReferencesNothingOutsideItself() throws {
        let html = HTMLReport().render(try ReportFixtures.demoDocument())
        for needle in ["http://", "https://", "src=", "url(", "@import", "<script", "<link", "<iframe", "<object", "<img"] {
            #expect(!html.contains(needle), "the report must be self-contained, found \(needle)")
        }
        // Every href is an anchor in the same file, and every anchor target exists.
        let hrefs = html.components(separatedBy: "href=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        #expect(!hrefs.isEmpty)
        for href in hrefs {
            #expect(href.hasPrefix("#"), "external link \(href)")
            #expect(html.contains("id=\"\(href.dropFirst())\""), "dangling anchor \(href)")
        }
    }

    @Test(.enabled(if: chromium() != nil, "chromium not installed (apt-get install chromium); CI installs it"))
    func aPageThatLoadsSomethingIsCaught() throws {
        // The detector itself must fire: an external image and a script are refused and logged.
        let directory = try ExternalTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let bad = "<!DOCTYPE html><html><head><meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'\"></head>"
            + "<body><img src=\"http://example.invalid/x.png\"><script>console.log('hi')</script></body></html>"
        let (_, log) = try #require(try Self.screenshot(bad, name: "canary", in: directory))
        #expect(!Self.problems(in: log).isEmpty)
    }
}

import Foundation
import Testing

extension EndToEnd {
    /// `:export` in the canvas and `inquest investigations` / `inquest export` on the same store.
    @Suite(.serialized, needsTmux) struct ExportEndToEndTests {
        let directory: URL
        let database: String

        init() throws {
            directory = try BinaryRunner.temporaryDirectory()
            database = directory.appendingPathComponent("store.db").path
        }

        func openCanvas(_ arguments: [String]) throws -> TmuxSession {
            guard let binary = BinaryRunner.binary else { throw BinaryRunner.MissingBinary() }
            let env = ["XDG_CONFIG_HOME": directory.path, "HOME": directory.path, "USER": "e2e", "TZ": "Europe/Berlin"]
            let command = ([binary.path] + arguments).map(TmuxSession.shellQuote).joined(separator: " ")
            return try TmuxSession(command: ["/bin/sh", "-c", command], width: 160, height: 40, environment: env)
        }

        /// An investigation made in the canvas: one linked event and a note citing it with Ctrl-R.
        func makeInvestigation() throws -> TmuxSession {
            let log = directory.appendingPathComponent("app.log")
            try Data("""
                2026-11-20T10:00:00Z INFO service started
                2026-11-20T10:00:01Z ERROR disk full on /var <script>alert(1)</script>
                2026-11-20T10:00:02Z INFO recovered

                """.utf8).write(to: log)
            let ingest = try BinaryRunner.run(["ingest", "--db", database, log.path])
            #expect(ingest.status == 0, "\(ingest.stderr)")
            let canvas = try openCanvas(["--db", database])
            #expect(try canvas.waitFor("3 events ·", seconds: 20).matched, "\(canvas.screen)")
            try canvas.send("E")  // back to the error line (the cursor starts on the newest)
            try canvas.send("c")
            #expect(try canvas.waitFor("New investigation").matched)
            try canvas.type("Disk full")
            try canvas.send("Enter")
            #expect(try canvas.waitFor("○ Disk full").matched, "the investigation is listed: \(canvas.screen)")
            try canvas.send("l")
            #expect(try canvas.waitFor(" 1e ").matched, "\(canvas.screen)")
            try canvas.send("a")
            try canvas.type("Root cause is ")
            try canvas.send("C-r")
            try canvas.type(" filling up.")
            let cited = try canvas.waitFor("Root cause is [[event:2]] filling up.")
            #expect(cited.matched, "Ctrl-R cites the event: \(cited.screen)")
            try canvas.send("C-s")
            #expect(try canvas.waitFor("Note saved").matched, "\(canvas.screen)")
            return canvas
        }

        @Test func exportFromTheCanvasAndFromTheCLI() throws {
            let canvas = try makeInvestigation()

            // :export html writes next to the database and says where
            try canvas.send(":")
            try canvas.type("export html")
            try canvas.send("Enter")
            let exported = try canvas.waitFor("Exported to", seconds: 15)
            #expect(exported.matched, "the status line reports the file: \(exported.screen)")
            let html = directory.appendingPathComponent("exports/disk-full-1.html").path
            #expect(exported.screen.contains(directory.appendingPathComponent("exports").path) || exported.screen.contains("disk-full-1.html"))
            let page = try String(contentsOfFile: html, encoding: .utf8)
            #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(page.contains("<a href=\"#fn1\" id=\"cite1\">[1]</a>"), "the citation is a footnote")

            // :export md PATH writes there, with the chart next to it
            try canvas.send(":")
            try canvas.type("export md \(directory.path)/out/report.md")
            try canvas.send("Enter")
            #expect(try canvas.waitFor("(+1 file)", seconds: 15).matched, "\(canvas.screen)")
            let markdown = try String(contentsOfFile: directory.path + "/out/report.md", encoding: .utf8)
            #expect(markdown.contains("Root cause is [^1] filling up."))
            #expect(FileManager.default.fileExists(atPath: directory.path + "/out/report.density.svg"))
            try canvas.send("q")

            // inquest investigations lists it with its counts
            let table = try BinaryRunner.run(["investigations", "--db", database])
            #expect(table.status == 0, "\(table.stderr)")
            #expect(table.stdout.contains("Disk full"))
            let jsonl = try BinaryRunner.run(["investigations", "--db", database, "--format", "jsonl"])
            let object = try #require(try JSONSerialization.jsonObject(with: Data(jsonl.stdout.utf8)) as? [String: Any])
            #expect(object["id"] as? Int == 1)
            #expect(object["links"] as? Int == 1)
            #expect(object["notes"] as? Int == 1)

            // inquest export by title to stdout, and by id to a file
            let md = try BinaryRunner.run(["export", "--db", database, "Disk full", "--format", "md"], environment: ["TZ": "Asia/Kolkata"])
            #expect(md.status == 0, "\(md.stderr)")
            #expect(md.stdout.hasPrefix("# Disk full\n"))
            #expect(md.stdout.contains("Local (Asia/Kolkata)"))
            #expect(md.stdout.contains("| 2026-11-20 10:00:01.000 | 15:30:01.000 +05:30 |"))
            let jsonPath = directory.appendingPathComponent("d.json").path
            let json = try BinaryRunner.run(["export", "--db", database, "1", "--format", "json", "-o", jsonPath])
            #expect(json.status == 0, "\(json.stderr)")
            let document = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: jsonPath))) as? [String: Any])
            #expect(document["schema_version"] as? Int == 2)
            let audit = try #require(document["audit"] as? [[String: Any]])
            #expect(audit.first?["actor"] as? String == "e2e", "the trail records the canvas user")

            // clear errors
            let missing = try BinaryRunner.run(["export", "--db", database, "42"])
            #expect(missing.status != 0)
            #expect(missing.stderr.contains("no investigation with id or title \"42\""))
            let noRenderer = try BinaryRunner.run(
                ["export", "--db", database, "1", "--format", "pdf"], environment: ["INQUEST_PDF_RENDERER": "/nonexistent/chromium"])
            #expect(noRenderer.status != 0)
            #expect(noRenderer.stderr.contains("apt-get install chromium"), "\(noRenderer.stderr)")
        }

        @Test(.enabled(if: PDFTool.available, "chromium not installed (apt-get install chromium); CI installs it"))
        func pdfExportGoesNextToTheDatabase() throws {
            let canvas = try makeInvestigation()
            try canvas.send("q")
            let pdf = try BinaryRunner.run(["export", "--db", database, "1", "--format", "pdf"])
            #expect(pdf.status == 0, "\(pdf.stderr)")
            let path = directory.appendingPathComponent("exports/disk-full-1.pdf").path
            #expect(pdf.stderr.contains("wrote \(path)"))
            let header = try Data(contentsOf: URL(fileURLWithPath: path)).prefix(5)
            #expect(header == Data("%PDF-".utf8))
        }
    }
}

enum PDFTool {
    static var available: Bool {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":")
        return directories.contains { FileManager.default.isExecutableFile(atPath: "\($0)/chromium") }
    }
}

import Foundation

/// Prints the HTML report to PDF with headless Chromium (Debian package `chromium`), found at
/// run time: `$INQUEST_PDF_RENDERER` if set, else the first of ``candidates`` on `PATH`.
///
/// Chromium lays out the very HTML the `html` format writes (same CSS, print rules, inline SVG
/// chart), so the PDF has selectable text and a vector chart without a second layout engine in
/// inquest. It runs with a throw-away profile, no network (`--host-resolver-rules`) and a
/// deadline.
public struct PDFPrinter: Sendable {
    /// Program names looked up on `PATH`, in order.
    public static let candidates = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]
    /// What to run when none is found.
    public static let installHint = "sudo apt-get install chromium   (Debian/Ubuntu; or set INQUEST_PDF_RENDERER to a Chrome/Chromium binary)"

    /// The renderer binary.
    public let program: String
    /// How long one print may take.
    public let timeoutSeconds: Double

    public init(program: String, timeoutSeconds: Double = 90) {
        self.program = program
        self.timeoutSeconds = timeoutSeconds
    }

    /// The printer for this environment, or ``ReportError/pdfRendererMissing(tried:installHint:)``.
    public static func locate(environment: [String: String]) throws(ReportError) -> PDFPrinter {
        if let explicit = environment["INQUEST_PDF_RENDERER"], !explicit.isEmpty {
            if FileManager.default.isExecutableFile(atPath: explicit) { return PDFPrinter(program: explicit) }
            throw .pdfRendererMissing(tried: [explicit], installHint: installHint)
        }
        let directories = (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":").map(String.init)
        for name in candidates {
            for directory in directories {
                let path = (directory as NSString).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: path) { return PDFPrinter(program: path) }
            }
        }
        throw .pdfRendererMissing(tried: candidates, installHint: installHint)
    }

    /// Writes `html` printed as PDF to `outputPath`.
    public func print(html: String, to outputPath: String) throws(ReportError) {
        let scratch = (NSTemporaryDirectory() as NSString).appendingPathComponent("inquest-pdf-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let htmlPath = (scratch as NSString).appendingPathComponent("report.html")
        let pdfPath = (scratch as NSString).appendingPathComponent("report.pdf")
        do {
            try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            try Data(html.utf8).write(to: URL(fileURLWithPath: htmlPath))
        } catch {
            throw .cannotWrite(path: htmlPath, reason: "\(error.localizedDescription)")
        }
        var arguments = [
            "--headless", "--disable-gpu", "--no-pdf-header-footer", "--no-first-run", "--disable-extensions",
            "--user-data-dir=" + (scratch as NSString).appendingPathComponent("profile"),
            "--host-resolver-rules=MAP * ~NOTFOUND", "--print-to-pdf=" + pdfPath,
        ]
        // Chromium refuses to run as root with its sandbox; the page is our own escaped HTML
        // with no scripts, behind a Content-Security-Policy that forbids loading anything.
        if geteuid() == 0 { arguments.insert("--no-sandbox", at: 1) }
        arguments.append(URL(fileURLWithPath: htmlPath).absoluteString)
        let (status, output) = try run(arguments)
        guard status == 0, FileManager.default.fileExists(atPath: pdfPath) else {
            throw .pdfRendererFailed(program: program, status: status, output: Self.lastLines(output))
        }
        do {
            if FileManager.default.fileExists(atPath: outputPath) { try FileManager.default.removeItem(atPath: outputPath) }
            try FileManager.default.moveItem(atPath: pdfPath, toPath: outputPath)
        } catch {
            throw .cannotWrite(path: outputPath, reason: "\(error.localizedDescription)")
        }
    }

    func run(_ arguments: [String]) throws(ReportError) -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw .pdfRendererFailed(program: program, status: -1, output: "\(error.localizedDescription)")
        }
        let deadline = DispatchTime.now() + timeoutSeconds
        let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: deadline, execute: watchdog)
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        watchdog.cancel()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }

    /// The last few meaningful lines of the renderer's chatter (Chromium logs D-Bus noise).
    static func lastLines(_ output: String) -> String {
        let lines = output.split(separator: "\n").map(String.init).filter { !$0.contains("dbus") }
        return ReportSanitizer.singleLine(lines.suffix(3).joined(separator: " / "))
    }
}

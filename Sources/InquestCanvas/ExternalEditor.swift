import Foundation

/// Runs `$VISUAL`/`$EDITOR` (default `vi`) on a temporary file and returns its text.
enum ExternalEditor {
    static func edit(_ text: String) -> String? {
        let environment = ProcessInfo.processInfo.environment
        let editor = environment["VISUAL"].flatMap { $0.isEmpty ? nil : $0 }
            ?? environment["EDITOR"].flatMap { $0.isEmpty ? nil : $0 }
            ?? "vi"
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("inquest-note-\(UUID().uuidString).md")
        do {
            try Data(text.utf8).write(to: file)
            defer { try? FileManager.default.removeItem(at: file) }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            // The editor command may carry arguments (`code -w`); the file is passed as $1.
            process.arguments = ["-c", editor + " \"$1\"", "inquest-editor", file.path]
            try process.run()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else { return nil }
            return try String(contentsOf: file, encoding: .utf8)
        } catch {
            return nil
        }
    }
}

import Foundation
import InquestTerminal

/// Runs `$VISUAL`/`$EDITOR` (default `vi`) on a temporary file, with the terminal handed over
/// (``NcursesTerminal/runInForeground(_:environment:)``), and reads the file back.
enum ExternalEditor {
    /// What became of an edit.
    enum Outcome: Equatable {
        /// The editor exited with status 0; the file's text.
        case saved(String)
        /// The editor could not run, failed or was killed; a status-line message.
        case failed(String)
    }

    /// The editor command: `VISUAL`, else `EDITOR`, else `vi` (empty values are skipped).
    static func command(environment: [String: String]) -> String {
        environment["VISUAL"].flatMap { $0.isEmpty ? nil : $0 }
            ?? environment["EDITOR"].flatMap { $0.isEmpty ? nil : $0 }
            ?? "vi"
    }

    static func edit(_ text: String, terminal: NcursesTerminal, environment: [String: String] = ProcessInfo.processInfo.environment) -> Outcome {
        let editor = command(environment: environment)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("inquest-note-\(UUID().uuidString).md")
        do {
            try Data(text.utf8).write(to: file)
        } catch {
            return .failed("Could not write the note to \(file.path) for the editor: \(error.localizedDescription)")
        }
        defer { try? FileManager.default.removeItem(at: file) }
        // The editor command may carry arguments (`code -w`, `vim -u NONE`); the file is passed as $1.
        let outcome = terminal.runInForeground(["/bin/sh", "-c", editor + " \"$1\"", "inquest-editor", file.path], environment: environment)
        switch outcome {
        case .exited(0):
            guard let edited = try? String(contentsOf: file, encoding: .utf8) else {
                return .failed("The editor left no readable note at \(file.path); note not saved")
            }
            return .saved(edited)
        case .exited(127):
            return .failed("Editor \"\(editor)\" not found (exit status 127): set VISUAL or EDITOR; note not saved")
        case .exited(let status):
            return .failed("Editor \"\(editor)\" failed (exit status \(status)); note not saved")
        case .signalled(let signal):
            return .failed("Editor \"\(editor)\" was killed by signal \(signal); note not saved")
        case .notStarted(let code):
            return .failed("Could not start /bin/sh for editor \"\(editor)\": \(String(cString: strerror(code))); note not saved")
        }
    }
}

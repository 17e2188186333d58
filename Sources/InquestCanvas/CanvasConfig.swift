import InquestCore
import Foundation

/// The canvas's settings file: `$XDG_CONFIG_HOME/inquest/config`, else `~/.config/inquest/config`
/// (beside the user's `keymap` and `themes/`). One `key = value` per line, `#` comments:
///
/// ```
/// mouse = off       # leave the mouse to the terminal (default on)
/// clipboard = off   # y/Y/:yank copy nothing (default on; OSC 52)
/// ```
///
/// A missing file means the defaults; an unknown key or value is an error naming the line, so a
/// typo does not silently leave a setting as it was. `--no-mouse` and `--no-clipboard` turn a
/// setting off whatever the file says.
struct CanvasConfig: Sendable, Equatable {
    /// Clicks and the wheel are reported to the canvas.
    var mouse = true
    /// `y`, `Y` and `:yank` copy through the terminal (OSC 52).
    var clipboard = true
    /// The file the settings were read from (nil: the defaults, no file).
    var path: String?

    init() {}

    /// Parses the file's text; `source` names it in errors (`config:3: ...`).
    init(parsing text: String, source: String) throws(CanvasError) {
        path = source
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            let parts = trimmed.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2 else {
                throw .config("\(source):\(lineNumber): expected `key = value`, found `\(trimmed)`")
            }
            let key = parts[0].trimmingCharacters(in: .whitespaces).lowercased()
            let value = parts[1].trimmingCharacters(in: .whitespaces).lowercased()
            let on: Bool
            switch value {
            case "on", "true", "yes": on = true
            case "off", "false", "no": on = false
            default: throw .config("\(source):\(lineNumber): `\(key)` takes on or off, not `\(value)`")
            }
            switch key {
            case "mouse": mouse = on
            case "clipboard": clipboard = on
            default: throw .config("\(source):\(lineNumber): unknown setting `\(key)` (known: mouse, clipboard)")
            }
        }
    }

    /// Where the file lives for this environment; nil when neither `XDG_CONFIG_HOME` nor `HOME` is set.
    static func path(environment: [String: String]) -> String? {
        UserConfigPath.file("config", environment: environment)
    }

    /// The settings in the user's file, or the defaults when there is none.
    static func load(environment: [String: String]) throws(CanvasError) -> CanvasConfig {
        guard let path = path(environment: environment), FileManager.default.fileExists(atPath: path) else { return CanvasConfig() }
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw .config("\(path): cannot read it: \(error.localizedDescription)")
        }
        return try CanvasConfig(parsing: text, source: path)
    }
}

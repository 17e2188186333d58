import Foundation
import InquestRender

/// Reads `--theme NAME` from disk for the canvas runtime: the user's theme directory
/// (`$XDG_CONFIG_HOME/inquest/themes`, else `~/.config/inquest/themes`) first, then the bundled
/// themes. The file I/O lives here so that `InquestRender` stays free of it; parsing and the
/// choice between user and bundled theme are `Theme.named(_:userFile:directory:userNames:environment:)`.
enum ThemeFiles {
    /// - Throws: `RenderError.unreadableTheme` for a user file that exists but cannot be read,
    ///   `RenderError.themeNotFound`, or a parse error naming the file, role and field.
    static func theme(named name: String, environment: [String: String]) throws -> Theme {
        let directory = Theme.userThemeDirectory(environment: environment)
        var userFile: Theme.UserFile?
        if Theme.isPlainName(name), let directory {
            let path = directory + "/" + name + ".json"
            if FileManager.default.fileExists(atPath: path) {
                do {
                    userFile = Theme.UserFile(path: path, text: try String(contentsOfFile: path, encoding: .utf8))
                } catch {
                    throw RenderError.unreadableTheme(path: path, reason: error.localizedDescription)
                }
            }
        }
        return try Theme.named(
            name, userFile: userFile, directory: directory, userNames: userNames(in: directory), environment: environment)
    }

    /// Every theme `theme(named:environment:)` can load: the bundled ones and the user's, sorted.
    static func names(environment: [String: String]) -> [String] {
        Set(Theme.bundledNames + userNames(in: Theme.userThemeDirectory(environment: environment))).sorted()
    }

    /// The `NAME` of every `NAME.json` in `directory`.
    static func userNames(in directory: String?) -> [String] {
        guard let directory, let files = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        return files.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }
    }
}

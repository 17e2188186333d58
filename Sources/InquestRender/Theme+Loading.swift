import Foundation

extension Theme {
    /// Finds a theme by `--theme NAME`: `$XDG_CONFIG_HOME/inquest/themes/NAME.json` (or
    /// `~/.config/inquest/themes/NAME.json`) first, then the bundled themes. When `NO_COLOR` is
    /// set to a non-empty value the theme gets the ``withoutColor()`` treatment.
    ///
    /// - Throws: ``RenderError/themeNotFound(name:searched:available:)``, or a parse error naming
    ///   the user's file, role and field.
    public static func named(_ name: String, environment: [String: String]) throws -> Theme {
        let theme = try lookUp(name, environment: environment)
        return noColorRequested(environment: environment) ? theme.withoutColor() : theme
    }

    /// The names of the themes compiled into the binary, sorted.
    public static var bundledNames: [String] { BundledThemes.sources.map(\.name).sorted() }

    /// A theme compiled into the binary (from `themes/NAME.json` at build time).
    public static func bundled(_ name: String) throws -> Theme {
        guard let source = BundledThemes.sources.first(where: { $0.name == name }) else {
            throw RenderError.themeNotFound(name: name, searched: "the bundled themes", available: bundledNames)
        }
        return try Theme(json: source.json, file: "bundled:\(name).json")
    }

    /// True when `NO_COLOR` is present and non-empty (https://no-color.org).
    public static func noColorRequested(environment: [String: String]) -> Bool {
        !(environment["NO_COLOR"] ?? "").isEmpty
    }

    /// The directory user themes are read from: `$XDG_CONFIG_HOME/inquest/themes`, or
    /// `$HOME/.config/inquest/themes`; nil when neither variable is set.
    public static func userThemeDirectory(environment: [String: String]) -> String? {
        if let config = environment["XDG_CONFIG_HOME"], !config.isEmpty {
            return config + "/inquest/themes"
        }
        if let home = environment["HOME"], !home.isEmpty {
            return home + "/.config/inquest/themes"
        }
        return nil
    }

    private static func lookUp(_ name: String, environment: [String: String]) throws -> Theme {
        let isPlainName = !name.isEmpty && name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
        let directory = userThemeDirectory(environment: environment)
        if isPlainName, let directory {
            let path = directory + "/" + name + ".json"
            if FileManager.default.fileExists(atPath: path) {
                let text: String
                do {
                    text = try String(contentsOfFile: path, encoding: .utf8)
                } catch {
                    throw RenderError.unreadableTheme(path: path, reason: error.localizedDescription)
                }
                return try Theme(json: text, file: path)
            }
        }
        if BundledThemes.sources.contains(where: { $0.name == name }) {
            return try bundled(name)
        }
        throw RenderError.themeNotFound(
            name: name, searched: (directory ?? "no user theme directory (XDG_CONFIG_HOME and HOME unset)") + " and the bundled themes",
            available: availableNames(in: directory))
    }

    private static func availableNames(in directory: String?) -> [String] {
        var names = Set(bundledNames)
        if let directory, let files = try? FileManager.default.contentsOfDirectory(atPath: directory) {
            for file in files where file.hasSuffix(".json") { names.insert(String(file.dropLast(5))) }
        }
        return names.sorted()
    }
}

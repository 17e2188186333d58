import InquestCore

extension Theme {
    /// A user's theme file as the caller read it (this module reads no files).
    public struct UserFile: Sendable, Hashable {
        public var path: String
        public var text: String

        public init(path: String, text: String) {
            self.path = path
            self.text = text
        }
    }

    /// Resolves `--theme NAME` from what the caller read in the user's theme directory
    /// (`InquestCanvas` does the reading): the user's `NAME.json` when there is one, else the
    /// bundled theme. When `NO_COLOR` is set to a non-empty value the theme gets the
    /// ``withoutColor()`` treatment.
    ///
    /// - Parameters:
    ///   - userFile: the user's `NAME.json`, read from `directory`, or nil when absent.
    ///   - directory: the user theme directory (``userThemeDirectory(environment:)``), for messages.
    ///   - userNames: the theme names found in that directory, for the "available" list.
    /// - Throws: ``RenderError/themeNotFound(name:searched:available:)``, or a parse error naming
    ///   the user's file, role and field.
    public static func named(
        _ name: String, userFile: UserFile?, directory: String?, userNames: [String], environment: [String: String]
    ) throws -> Theme {
        let theme: Theme
        if let userFile {
            theme = try Theme(json: userFile.text, file: userFile.path)
        } else if BundledThemes.sources.contains(where: { $0.name == name }) {
            theme = try bundled(name)
        } else {
            throw RenderError.themeNotFound(
                name: name,
                searched: (directory ?? "no user theme directory (XDG_CONFIG_HOME and HOME unset)") + " and the bundled themes",
                available: Set(bundledNames).union(userNames).sorted())
        }
        return noColorRequested(environment: environment) ? theme.withoutColor() : theme
    }

    /// True for names that may be looked up as `NAME.json` in the user's directory (letters,
    /// digits, `-` and `_`: no path separators, so `--theme ../x` cannot read other files).
    public static func isPlainName(_ name: String) -> Bool {
        !name.isEmpty && name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
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
        UserConfigPath.file("themes", environment: environment)
    }
}

/// Everything that can go wrong in InquestRender: loading and resolving themes.
///
/// Messages say which file, role and field is wrong and what to write instead.
public enum RenderError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The theme file is not valid JSON, or a top-level field (`name`, `roles`, `palette`) is
    /// missing or of the wrong type.
    case malformedTheme(file: String, detail: String)
    /// A field of a role (or a palette entry, reported with role `palette`) has the wrong type,
    /// is not a known field, or holds a colour that cannot be parsed.
    case invalidThemeField(file: String, role: String, field: String, detail: String)
    /// A `$name` colour refers to a palette entry the theme does not define.
    case unknownPaletteColor(file: String, role: String, field: String, name: String, palette: [String])
    /// The theme defines a role that is not in ``StyleRole/all`` (usually a typo).
    case unknownRole(file: String, role: String)
    /// No theme of this name in the user theme directory or among the bundled themes.
    case themeNotFound(name: String, searched: String, available: [String])
    /// A theme file exists but could not be read.
    case unreadableTheme(path: String, reason: String)

    public var description: String {
        switch self {
        case .malformedTheme(let file, let detail):
            return "\(file): not a valid theme file: \(detail). "
                + "Expected {\"name\": ..., \"palette\": {...}, \"roles\": {\"base\": {\"fg\": ..., \"bg\": ...}, ...}}."
        case .invalidThemeField(let file, let role, let field, let detail):
            return "\(file): role '\(role)', field '\(field)': \(detail)."
        case .unknownPaletteColor(let file, let role, let field, let name, let palette):
            let known = palette.isEmpty ? "the palette is empty" : "the palette defines \(palette.sorted().joined(separator: ", "))"
            return "\(file): role '\(role)', field '\(field)': '$\(name)' is not in the palette (\(known)). "
                + "Add it to \"palette\" or use #rrggbb, default or an ANSI colour name."
        case .unknownRole(let file, let role):
            return "\(file): unknown role '\(role)'. Check the spelling; every theme uses the role names of the bundled themes."
        case .themeNotFound(let name, let searched, let available):
            return "no theme named '\(name)' (looked in \(searched)). "
                + "Available: \(available.joined(separator: ", "))."
        case .unreadableTheme(let path, let reason):
            return "\(path): cannot read theme file: \(reason). Check the file's permissions or remove it."
        }
    }
}

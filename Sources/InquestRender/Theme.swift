/// A theme resolved to concrete styles: what every ``StyleRole`` looks like.
///
/// Themes are JSON files (see `themes/` and ``Theme/init(json:file:)``); ``Theme/named(_:userFile:directory:userNames:environment:)``
/// picks one by name from what the canvas read (`ThemeFiles` in InquestCanvas). Panes never see a theme: they draw roles, and the terminal backend asks
/// the theme for each role's ``ResolvedStyle``.
public struct Theme: Sendable, Hashable {
    /// The name written in the file (`dark`, `light`, ...).
    public let name: String
    /// One sentence for `--help` and theme pickers.
    public let description: String
    /// The style of every role the file defines.
    public private(set) var styles: [StyleRole: ResolvedStyle]
    /// Catalogue roles the file does not define; they are drawn with the `base` style.
    /// Always empty for the bundled themes (a test checks it).
    public let missingRoles: [StyleRole]

    /// The theme used when none is asked for.
    public static let defaultName = "dark"

    public init(name: String, description: String, styles: [StyleRole: ResolvedStyle]) {
        self.name = name
        self.description = description
        self.styles = styles
        self.missingRoles = StyleRole.all.filter { styles[$0] == nil }
    }

    /// The style for `role`; a role the theme does not define falls back to `base`, then to plain.
    public func style(for role: StyleRole) -> ResolvedStyle {
        styles[role] ?? styles[.base] ?? .plain
    }

    /// The `NO_COLOR` treatment: every colour becomes the terminal default and attributes stay.
    /// A role whose background differed from `base`'s (selections, status bar, badges) and that
    /// was not already reversed becomes reverse video, so it still stands out.
    public func withoutColor() -> Theme {
        let baseBackground = style(for: .base).bg
        var stripped: [StyleRole: ResolvedStyle] = [:]
        for (role, style) in styles {
            var plain = style
            plain.fg = .default
            plain.bg = .default
            if style.bg != baseBackground && !style.reverse { plain.reverse = true }
            stripped[role] = plain
        }
        return Theme(name: name, description: description, styles: stripped)
    }

    /// Every style downgraded for a terminal with `colors` colours.
    public func downgraded(to colors: Int) -> Theme {
        Theme(name: name, description: description, styles: styles.mapValues { $0.downgraded(to: colors) })
    }
}

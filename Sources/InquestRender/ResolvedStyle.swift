/// What a role looks like on screen once a theme has resolved it.
public struct ResolvedStyle: Sendable, Hashable {
    /// Foreground (text) colour.
    public var fg: TerminalColor
    /// Background colour.
    public var bg: TerminalColor
    /// Bold (often also brighter) text.
    public var bold: Bool
    /// Underlined text.
    public var underline: Bool
    /// Foreground and background swapped.
    public var reverse: Bool
    /// Faint text.
    public var dim: Bool

    /// A style; everything defaults to the terminal's defaults without attributes.
    public init(
        fg: TerminalColor = .default, bg: TerminalColor = .default,
        bold: Bool = false, underline: Bool = false, reverse: Bool = false, dim: Bool = false
    ) {
        self.fg = fg
        self.bg = bg
        self.bold = bold
        self.underline = underline
        self.reverse = reverse
        self.dim = dim
    }

    /// Terminal defaults, no attributes.
    public static let plain = ResolvedStyle()

    /// Both colours downgraded for a terminal with `colors` colours (see ``TerminalColor/downgraded(to:)``).
    ///
    /// On 8- and 16-colour terminals greys need care, because the terminal's own background is
    /// unknown: a grey background (selection, status bar) becomes reverse video on the default
    /// colours so it stays visible on dark and light terminals; a grey foreground becomes black
    /// or white only when very dark or very light (text on an accent background), otherwise
    /// bright black (16 colours) or the default foreground (8 colours), never invisible.
    public func downgraded(to colors: Int) -> ResolvedStyle {
        var copy = self
        guard colors >= 8 && colors < 256 else {
            copy.fg = fg.downgraded(to: colors)
            copy.bg = bg.downgraded(to: colors)
            return copy
        }
        if bg.greyLightness != nil {
            copy.bg = .default
            if !reverse { copy.reverse = true }
        } else {
            copy.bg = bg.downgraded(to: colors)
        }
        if let lightness = fg.greyLightness {
            if lightness < 0.25 {
                copy.fg = .ansi(0)
            } else if lightness > 0.9 {
                copy.fg = .ansi(colors >= 16 ? 15 : 7)
            } else {
                copy.fg = colors >= 16 ? .ansi(8) : .default
            }
        } else {
            copy.fg = fg.downgraded(to: colors)
        }
        return copy
    }
}

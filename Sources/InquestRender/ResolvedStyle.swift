/// What a role looks like on screen once a theme has resolved it.
public struct ResolvedStyle: Sendable, Hashable {
    public var fg: TerminalColor
    public var bg: TerminalColor
    public var bold: Bool
    public var underline: Bool
    public var reverse: Bool
    public var dim: Bool

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
    public func downgraded(to colors: Int) -> ResolvedStyle {
        var copy = self
        copy.fg = fg.downgraded(to: colors)
        copy.bg = bg.downgraded(to: colors)
        return copy
    }
}

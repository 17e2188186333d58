/// A named style role. Panes draw with roles only; a theme file maps roles to colours.
///
/// Roles are dotted names such as `timeline.severity.error` or `pane.border.focused`.
/// The full list every theme must define is ``StyleRole/all``.
public struct StyleRole: Sendable, Hashable, Comparable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// The dotted role name, as written in theme files.
    public let name: String

    /// A role by name; themes must define it (see ``StyleRole/all``) or it is drawn as `base`.
    public init(_ name: String) { self.name = name }
    /// A role from a literal such as `"timeline.severity.error"`.
    public init(stringLiteral value: String) { self.name = value }

    public var description: String { name }
    public static func < (lhs: StyleRole, rhs: StyleRole) -> Bool { lhs.name < rhs.name }

    /// `base`: default text and background of every pane.
    public static let base: StyleRole = "base"
}

/// A named style role. Panes draw with roles only; a theme file maps roles to colours.
///
/// Roles are dotted names such as `timeline.severity.error` or `pane.border.focused`.
/// The full list every theme must define is ``StyleRole/all``.
public struct StyleRole: Sendable, Hashable, Comparable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let name: String

    public init(_ name: String) { self.name = name }
    public init(stringLiteral value: String) { self.name = value }

    public var description: String { name }
    public static func < (lhs: StyleRole, rhs: StyleRole) -> Bool { lhs.name < rhs.name }

    public static let base: StyleRole = "base"
}

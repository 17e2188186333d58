/// The value side of an attribute term (`status:504`, `http.method:GET`, `cached:true`).
public enum FilterValue: Sendable, Hashable {
    /// An unquoted number; it matches a JSON number or the same text.
    case number(Double, text: String)
    /// `true` or `false`, unquoted; it matches a JSON boolean.
    case boolean(Bool)
    /// Text (quoted values are always text), exact or a glob; case-insensitive.
    case text(FilterPattern)
}

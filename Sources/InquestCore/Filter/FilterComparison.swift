/// How a field's value is compared with the value in the filter.
public enum FilterComparison: String, Sendable, Hashable, CaseIterable {
    /// `field:value` — equal (or matching, for a glob).
    case equal = ":"
    /// `field<value`.
    case less = "<"
    /// `field<=value`.
    case lessOrEqual = "<="
    /// `field>value`.
    case greater = ">"
    /// `field>=value`.
    case greaterOrEqual = ">="
}

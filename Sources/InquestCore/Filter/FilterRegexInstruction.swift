/// One step of a compiled ``FilterRegex`` program. Jumps are relative to the instruction's own
/// index, so compiled fragments concatenate by appending.
enum FilterRegexInstruction: Sendable, Hashable {
    /// Consume this scalar.
    case scalar(Unicode.Scalar)
    /// Consume any scalar but a line feed (`.`).
    case any
    /// Consume a scalar of the class at this index in ``FilterRegex/classes``.
    case set(Int)
    /// Continue at both offsets, the first preferred.
    case split(Int, Int)
    /// Continue at this offset.
    case jump(Int)
    /// Succeeds only at the start (`^`) of the text.
    case atStart
    /// Succeeds only at the end (`$`) of the text.
    case atEnd
    /// `\b` (true) or `\B` (false): between a word and a non-word scalar, or not.
    case wordBoundary(Bool)
    /// The pattern matched.
    case match
}

/// A bracket class (`[a-z_]`, `[^0-9]`) or a shorthand (`\d`, `\w`, `\s` and their negations).
struct FilterRegexClass: Sendable, Hashable {
    /// Inclusive scalar ranges.
    var ranges: [ClosedRange<UInt32>]
    /// Shorthands inside the class (`[\d_]`).
    var shorthands: [Shorthand]
    /// `[^...]`.
    var isNegated: Bool

    /// `\d`, `\w`, `\s`.
    enum Shorthand: Sendable, Hashable {
        case digit, word, space
        func contains(_ scalar: Unicode.Scalar) -> Bool {
            switch self {
            case .digit: ("0"..."9").contains(scalar)
            case .word: FilterRegexClass.isWord(scalar)
            case .space: scalar.properties.isWhitespace
            }
        }
    }

    func contains(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        var found = ranges.contains { $0.contains(value) }
        if !found { found = shorthands.contains { $0.contains(scalar) } }
        return found != isNegated
    }

    /// A word scalar for `\w` and `\b`: a letter, a digit or `_`.
    static func isWord(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return (48...57).contains(value) || (65...90).contains(value) || (97...122).contains(value) || value == 95
        }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    /// The scalar lower-cased when it lower-cases to exactly one scalar (ASCII without a lookup).
    static func lowered(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        if scalar.isASCII {
            let value = scalar.value
            return (65...90).contains(value) ? Unicode.Scalar(value + 32) ?? scalar : scalar
        }
        guard scalar.properties.changesWhenLowercased else { return scalar }
        let mapped = scalar.properties.lowercaseMapping.unicodeScalars
        return mapped.count == 1 ? mapped.first ?? scalar : scalar
    }
}

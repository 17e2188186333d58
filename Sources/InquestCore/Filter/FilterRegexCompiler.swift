/// Compiles a pattern into a ``FilterRegex`` program by Thompson's construction, in one loop
/// over the pattern with an explicit stack of open groups (no recursion on the input).
enum FilterRegexCompiler {
    typealias Code = [FilterRegexInstruction]

    struct Compiled {
        var program: Code
        var classes: [FilterRegexClass]
        var isCaseSensitive: Bool
        var requiredLiteral: String?
    }

    /// One compiled atom of a sequence, with the scalar it stands for when it is a plain literal.
    private struct Atom {
        var code: Code
        var literal: Unicode.Scalar?
    }

    /// An open group: its finished alternatives and the sequence being read.
    private struct Group {
        var alternatives: [Code] = []
        var sequence: [Atom] = []
        var column: Int
    }

    static func compile(_ source: String, column: Int) throws(FilterError) -> Compiled {
        func fail(_ reason: String) -> FilterError { .invalidRegex(source, reason: reason, column: column) }
        guard !source.isEmpty else { throw fail("the pattern is empty") }
        guard source.count <= FilterRegex.maximumPatternLength else {
            throw fail("the pattern is longer than \(FilterRegex.maximumPatternLength) characters")
        }
        let scalars = Array(source.unicodeScalars)
        let caseSensitive = hasUpperCaseLetter(scalars)
        var classes: [FilterRegexClass] = []
        var groups = [Group(column: column)]
        var index = 0
        var size = 0

        func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar { caseSensitive ? scalar : FilterRegexClass.lowered(scalar) }
        func append(_ atom: Atom) throws(FilterError) {
            size += atom.code.count
            guard size <= FilterRegex.maximumProgramSize else { throw fail("the pattern compiles to more than \(FilterRegex.maximumProgramSize) steps") }
            groups[groups.count - 1].sequence.append(atom)
        }
        func addClass(_ set: FilterRegexClass) -> Atom {
            classes.append(set)
            return Atom(code: [.set(classes.count - 1)], literal: nil)
        }

        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            switch scalar {
            case "(":
                if index < scalars.count, scalars[index] == "?" {
                    guard index + 1 < scalars.count, scalars[index + 1] == ":" else { throw fail("only (?:...) groups are supported") }
                    index += 2
                }
                groups.append(Group(column: column + index))
            case ")":
                guard groups.count > 1, let group = groups.popLast() else { throw fail("a \")\" has no \"(\"") }
                try append(Atom(code: alternation(group.alternatives + [concatenation(group.sequence)]), literal: nil))
            case "|":
                let sequence = groups[groups.count - 1].sequence
                groups[groups.count - 1].alternatives.append(concatenation(sequence))
                groups[groups.count - 1].sequence = []
            case "*", "+", "?", "{":
                var bounds: (Int, Int?)
                switch scalar {
                case "*": bounds = (0, nil)
                case "+": bounds = (1, nil)
                case "?": bounds = (0, 1)
                default:
                    guard let counted = try countedBounds(scalars, &index, fail) else {
                        try append(Atom(code: [.scalar("{")], literal: "{"))
                        continue
                    }
                    bounds = counted
                }
                let lazy = index < scalars.count && scalars[index] == "?"
                if lazy { index += 1 }
                guard let last = groups[groups.count - 1].sequence.popLast(), !last.code.isEmpty, !isAssertion(last.code) else {
                    throw fail("\"\(scalar)\" has nothing before it to repeat")
                }
                size -= last.code.count
                let copies = max(bounds.0, bounds.1 ?? bounds.0 + 1)
                guard last.code.count * copies + size <= FilterRegex.maximumProgramSize else {
                    throw fail("the pattern compiles to more than \(FilterRegex.maximumProgramSize) steps")
                }
                try append(Atom(code: repeated(last.code, min: bounds.0, max: bounds.1, lazy: lazy), literal: nil))
            case ".":
                try append(Atom(code: [.any], literal: nil))
            case "^":
                try append(Atom(code: [.atStart], literal: nil))
            case "$":
                try append(Atom(code: [.atEnd], literal: nil))
            case "[":
                let set = try bracketClass(scalars, &index, caseSensitive: caseSensitive, fail)
                try append(addClass(set))
            case "\\":
                guard index < scalars.count else { throw fail("the pattern ends with a lone \"\\\"") }
                let escaped = scalars[index]
                index += 1
                if let set = shorthandClass(escaped) {
                    try append(addClass(set))
                } else if escaped == "b" || escaped == "B" {
                    try append(Atom(code: [.wordBoundary(escaped == "b")], literal: nil))
                } else {
                    let literal = fold(try escapedLiteral(escaped, fail))
                    try append(Atom(code: [.scalar(literal)], literal: literal))
                }
            default:
                let literal = fold(scalar)
                try append(Atom(code: [.scalar(literal)], literal: literal))
            }
        }
        guard groups.count == 1, let top = groups.first else { throw fail("a \"(\" is not closed") }
        let program = alternation(top.alternatives + [concatenation(top.sequence)]) + [.match]
        let literal = top.alternatives.isEmpty ? longestLiteral(top.sequence) : nil
        return Compiled(program: program, classes: classes, isCaseSensitive: caseSensitive, requiredLiteral: literal)
    }

    /// Smart case: an upper-case letter typed as itself (not `\W`, `\S`, `\D`, `\B`).
    private static func hasUpperCaseLetter(_ scalars: [Unicode.Scalar]) -> Bool {
        var index = 0
        while index < scalars.count {
            if scalars[index] == "\\" {
                index += 2
                continue
            }
            if scalars[index].properties.isUppercase { return true }
            index += 1
        }
        return false
    }

    private static func isAssertion(_ code: Code) -> Bool {
        guard code.count == 1 else { return false }
        switch code[0] {
        case .atStart, .atEnd, .wordBoundary: return true
        default: return false
        }
    }

    /// `{n}`, `{n,}`, `{n,m}` after the `{`; nil (and `index` unmoved) when it is not one, so
    /// the `{` is a literal as in most engines.
    private static func countedBounds(_ scalars: [Unicode.Scalar], _ index: inout Int, _ fail: (String) -> FilterError) throws(FilterError) -> (Int, Int?)? {
        var cursor = index
        func number() -> Int? {
            var value: Int?
            while cursor < scalars.count, let digit = Int(String(scalars[cursor])), digit >= 0 {
                value = min((value ?? 0) * 10 + digit, 100_000)
                cursor += 1
            }
            return value
        }
        guard let low = number() else { return nil }
        var high: Int? = low
        if cursor < scalars.count, scalars[cursor] == "," {
            cursor += 1
            high = number()
        }
        guard cursor < scalars.count, scalars[cursor] == "}" else { return nil }
        index = cursor + 1
        if let high, high < low { throw fail("{\(low),\(high)} counts down") }
        guard low <= 1_000, (high ?? 0) <= 1_000 else { throw fail("a count above 1000") }
        return (low, high)
    }

    private static func shorthandClass(_ scalar: Unicode.Scalar) -> FilterRegexClass? {
        let kind: FilterRegexClass.Shorthand
        switch scalar {
        case "d", "D": kind = .digit
        case "w", "W": kind = .word
        case "s", "S": kind = .space
        default: return nil
        }
        return FilterRegexClass(ranges: [], shorthands: [kind], isNegated: scalar.properties.isUppercase)
    }

    /// `\n`, `\t`, `\r`, or an escaped punctuation character as itself.
    private static func escapedLiteral(_ scalar: Unicode.Scalar, _ fail: (String) -> FilterError) throws(FilterError) -> Unicode.Scalar {
        switch scalar {
        case "n": return "\n"
        case "t": return "\t"
        case "r": return "\r"
        default:
            guard !FilterRegexClass.isWord(scalar) else { throw fail("\\\(scalar) is not supported — escape only punctuation") }
            return scalar
        }
    }

    /// A `[...]` class after its `[`.
    private static func bracketClass(_ scalars: [Unicode.Scalar], _ index: inout Int, caseSensitive: Bool, _ fail: (String) -> FilterError) throws(FilterError) -> FilterRegexClass {
        var set = FilterRegexClass(ranges: [], shorthands: [], isNegated: false)
        if index < scalars.count, scalars[index] == "^" {
            set.isNegated = true
            index += 1
        }
        var first = true
        while index < scalars.count {
            var scalar = scalars[index]
            index += 1
            if scalar == "]" && !first { return set }
            first = false
            if scalar == "\\" {
                guard index < scalars.count else { break }
                let escaped = scalars[index]
                index += 1
                if let shorthand = shorthandClass(escaped) {
                    guard !shorthand.isNegated else { throw fail("\\\(escaped) inside [...] is not supported") }
                    set.shorthands += shorthand.shorthands
                    continue
                }
                scalar = try escapedLiteral(escaped, fail)
            }
            var high = scalar
            if index + 1 < scalars.count, scalars[index] == "-", scalars[index + 1] != "]" {
                high = scalars[index + 1]
                index += 2
                if high == "\\", index < scalars.count {
                    high = try escapedLiteral(scalars[index], fail)
                    index += 1
                }
                guard high.value >= scalar.value else { throw fail("the range \(scalar)-\(high) is backwards") }
            }
            let low = caseSensitive ? scalar : FilterRegexClass.lowered(scalar)
            let top = caseSensitive ? high : FilterRegexClass.lowered(high)
            set.ranges.append(min(low.value, top.value)...max(low.value, top.value))
        }
        throw fail("a \"[\" is not closed")
    }

    private static func concatenation(_ atoms: [Atom]) -> Code {
        atoms.flatMap(\.code)
    }

    /// `a|b|c`: a split before each alternative but the last, a jump to the end after each.
    static func alternation(_ alternatives: [Code]) -> Code {
        guard var result = alternatives.last else { return [] }
        for alternative in alternatives.dropLast().reversed() {
            result = [.split(1, alternative.count + 2)] + alternative + [.jump(result.count + 1)] + result
        }
        return result
    }

    /// `code{min,max}`; nil max is unbounded.
    static func repeated(_ code: Code, min: Int, max: Int?, lazy: Bool) -> Code {
        var result: Code = []
        for _ in 0..<min { result += code }
        guard let max else {
            let loop: FilterRegexInstruction = lazy ? .split(code.count + 2, 1) : .split(1, code.count + 2)
            return result + [loop] + code + [.jump(-(code.count + 1))]
        }
        for _ in min..<Swift.max(min, max) {
            result += [lazy ? .split(code.count + 1, 1) : .split(1, code.count + 1)] + code
        }
        return result
    }

    /// The longest run of ASCII literals in a top-level sequence, if at least two long.
    private static func longestLiteral(_ atoms: [Atom]) -> String? {
        var best: [Unicode.Scalar] = []
        var run: [Unicode.Scalar] = []
        for atom in atoms + [Atom(code: [], literal: nil)] {
            if let literal = atom.literal, literal.isASCII {
                run.append(literal)
            } else {
                if run.count > best.count { best = run }
                run = []
            }
        }
        guard best.count >= 2 else { return nil }
        var text = ""
        text.unicodeScalars.append(contentsOf: best)
        return text
    }
}

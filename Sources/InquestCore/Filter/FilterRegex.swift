/// A regular expression of the filter language (`/time(out|d out)/`, `re:"5\d\d"`), run by a
/// linear-time engine: a Pike VM over the Unicode scalars of the text, so no pattern, however
/// written (`(a*)*b`, `(a|a)*c`), takes more than (text length × program size) steps. There are
/// no back-references or look-arounds, which a linear engine cannot have.
///
/// Syntax: literals, `.`, classes `[a-z_]` `[^0-9]`, `\d \w \s \D \W \S`, `\b \B`, anchors
/// `^ $`, groups `( )` `(?: )`, alternation `|`, quantifiers `* + ? {n} {n,} {n,m}` (a trailing
/// `?` for lazy is accepted; matching is the same). Case: a pattern without upper-case letters
/// ignores case, one with upper-case letters does not (less's and vim's "smart case").
///
/// Equal when their source is equal: the program is a function of it.
public struct FilterRegex: Sendable, Hashable, CustomStringConvertible {
    /// The pattern as typed, without delimiters.
    public let source: String
    /// False when the pattern has no upper-case letter: text is lower-cased before matching.
    public let isCaseSensitive: Bool
    /// The compiled program (see ``FilterRegexInstruction``).
    let program: [FilterRegexInstruction]
    /// The character classes the program's `.set` instructions point into.
    let classes: [FilterRegexClass]
    /// A run of ASCII text every match contains (lower-cased when the pattern ignores case), for
    /// a cheap pre-check such as SQL `LIKE`; nil when there is none of at least two characters.
    public let requiredLiteral: String?

    /// Longest pattern accepted, in characters.
    public static let maximumPatternLength = 1_000
    /// Most instructions a compiled pattern may have (`x{1000}{1000}` is refused).
    public static let maximumProgramSize = 20_000
    /// Matching reads at most this many scalars of a text: a match further into a huge message is
    /// not found (the cost stays bounded per event).
    public static let maximumScannedScalars = 65_536

    /// Compiles a pattern; `column` is where it starts in the filter, for errors.
    /// - Throws: ``FilterError/invalidRegex(_:reason:column:)``.
    public init(_ source: String, column: Int = 1) throws(FilterError) {
        let compiled = try FilterRegexCompiler.compile(source, column: column)
        self.source = source
        self.isCaseSensitive = compiled.isCaseSensitive
        self.program = compiled.program
        self.classes = compiled.classes
        self.requiredLiteral = compiled.requiredLiteral
    }

    public static func == (lhs: FilterRegex, rhs: FilterRegex) -> Bool { lhs.source == rhs.source }
    public func hash(into hasher: inout Hasher) { hasher.combine(source) }

    /// `/source/`, the spelling in a filter.
    public var description: String { "/" + source.replacing("/", with: "\\/") + "/" }

    /// True when the pattern matches somewhere in `text`.
    public func matches(_ text: String) -> Bool {
        FilterRegexMatcher(regex: self).firstMatch(in: prepared(text), from: 0, stopEarly: true) != nil
    }

    /// The leftmost match in `text` (leftmost-first, as Perl's), as offsets in `Character`s, or nil.
    public func firstMatch(in text: String) -> Range<Int>? {
        let scalars = prepared(text)
        guard let match = FilterRegexMatcher(regex: self).firstMatch(in: scalars, from: 0) else { return nil }
        return characterRange(of: match, in: text)
    }

    /// Every non-overlapping match in `text`, in `Character` offsets (for highlighting), at most `limit`.
    public func matches(in text: String, limit: Int = 64) -> [Range<Int>] {
        let scalars = prepared(text)
        let matcher = FilterRegexMatcher(regex: self)
        var found: [Range<Int>] = []
        var start = 0
        while found.count < limit, start <= scalars.count, let match = matcher.firstMatch(in: scalars, from: start) {
            if let range = characterRange(of: match, in: text), !range.isEmpty { found.append(range) }
            start = match.isEmpty ? match.upperBound + 1 : match.upperBound
        }
        return found
    }

    /// The text's scalars as matched: lower-cased when the pattern ignores case, cut to
    /// ``maximumScannedScalars``.
    func prepared(_ text: String) -> [Unicode.Scalar] {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(min(text.utf8.count, Self.maximumScannedScalars))
        for scalar in text.unicodeScalars {
            guard scalars.count < Self.maximumScannedScalars else { break }
            scalars.append(isCaseSensitive ? scalar : FilterRegexClass.lowered(scalar))
        }
        return scalars
    }

    /// Scalar offsets to `Character` offsets (a match that splits a grapheme cluster widens to it).
    private func characterRange(of match: Range<Int>, in text: String) -> Range<Int>? {
        var scalarOffset = 0
        var lower: Int?
        var upper: Int?
        for (index, character) in text.enumerated() {
            let next = scalarOffset + character.unicodeScalars.count
            if lower == nil, match.lowerBound < next { lower = index }
            if upper == nil, match.upperBound <= scalarOffset { upper = index }
            if lower != nil, upper != nil { break }
            scalarOffset = next
        }
        guard let lower else { return nil }
        return lower..<max(lower, upper ?? text.count)
    }
}

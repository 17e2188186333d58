import InquestRender
import InquestText

/// Prepares a ``BufferDiff`` run's text for curses, whose idea of a character's width (`wcwidth`,
/// per scalar) can differ from ``DisplayWidth`` (per grapheme cluster).
///
/// Where they agree, a whole stretch is written with one call. Where they disagree (a ZWJ
/// sequence such as 👩‍💻, which `wcwidth` counts as 4; a text-default emoji with U+FE0F, which it
/// counts as 1), the grapheme is written on its own at its exact column as its first scalar, padded
/// with spaces to the width the cell grid reserved, so the columns after it never shift.
/// (tmux draws ZWJ sequences as separate glyphs anyway.)
public enum TerminalText {
    /// A stretch of scalars curses can draw from one cursor position.
    public struct Chunk: Sendable, Hashable {
        /// Column offset from the start of the run.
        public let offset: Int
        /// Unicode scalar values to pass to `waddnwstr`.
        public let scalars: [UInt32]

        public init(offset: Int, scalars: [UInt32]) {
            self.offset = offset
            self.scalars = scalars
        }
    }

    /// Splits `text` into chunks; `scalarWidth` is curses' width of one scalar (`wcwidth`; negative
    /// for non-printable).
    public static func chunks(_ text: String, scalarWidth: (UInt32) -> Int) -> [Chunk] {
        var result: [Chunk] = []
        var current: [UInt32] = []
        var currentOffset = 0
        var column = 0
        current.reserveCapacity(text.utf8.count)
        for grapheme in text {
            let expected = DisplayWidth.of(grapheme)
            var cursesWidth = 0
            for scalar in grapheme.unicodeScalars { cursesWidth += max(0, scalarWidth(scalar.value)) }
            if cursesWidth == expected {
                current.append(contentsOf: grapheme.unicodeScalars.map(\.value))
            } else {
                if !current.isEmpty { result.append(Chunk(offset: currentOffset, scalars: current)) }
                result.append(Chunk(offset: column, scalars: substitute(grapheme, columns: expected, scalarWidth: scalarWidth)))
                current = []
                currentOffset = column + expected
            }
            column += expected
        }
        if !current.isEmpty { result.append(Chunk(offset: currentOffset, scalars: current)) }
        return result
    }

    /// The first scalar of `grapheme` padded with spaces to `columns`, or only spaces when curses
    /// would draw even that wider than `columns`.
    private static func substitute(_ grapheme: Character, columns: Int, scalarWidth: (UInt32) -> Int) -> [UInt32] {
        let space: UInt32 = 0x20
        guard let first = grapheme.unicodeScalars.first?.value else { return Array(repeating: space, count: columns) }
        let firstWidth = scalarWidth(first)
        guard firstWidth > 0, firstWidth <= columns else { return Array(repeating: space, count: columns) }
        return [first] + Array(repeating: space, count: columns - firstWidth)
    }
}

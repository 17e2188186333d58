import InquestText

/// What changed between two frames, as runs the terminal backend draws with one cursor move and
/// one style each (ratatui's `Buffer::diff`, grouped into runs).
public enum BufferDiff {
    /// Consecutive changed cells of one row drawn with one role.
    public struct Run: Sendable, Hashable {
        /// Column of the first cell.
        public let x: Int
        /// Row.
        public let y: Int
        /// The style role of every cell in the run.
        public let role: StyleRole
        /// The graphemes to draw, continuation cells omitted; its display width is exactly ``columns``.
        public let text: String
        /// Number of cells the run covers.
        public let columns: Int

        public init(x: Int, y: Int, role: StyleRole, text: String, columns: Int) {
            self.x = x
            self.y = y
            self.role = role
            self.text = text
            self.columns = columns
        }
    }

    /// The runs that turn `previous` into `next` on screen. With no previous frame, or one of a
    /// different size, every cell is in a run (a full redraw).
    ///
    /// Wide graphemes are never split: a change to either half redraws both. Runs never start on
    /// a continuation cell. A cell that would break the column arithmetic (a zero-width or control
    /// grapheme, a wide grapheme without its continuation, a stray continuation) is drawn as a space.
    public static func runs(from previous: CellBuffer?, to next: CellBuffer) -> [Run] {
        let width = next.width
        let full = previous.map { $0.width != next.width || $0.height != next.height } ?? true
        var result: [Run] = []
        var changed = [Bool](repeating: false, count: width)
        for row in 0..<next.height {
            let rowStart = row * width
            var anyChange = false
            for column in 0..<width {
                let differs = full || previous.map { $0.cells[rowStart + column] != next.cells[rowStart + column] } ?? true
                changed[column] = differs
                anyChange = anyChange || differs
            }
            guard anyChange else { continue }
            // Never split a wide grapheme: a changed continuation redraws its left half, and a
            // changed wide cell redraws its continuation.
            for column in stride(from: width - 1, through: 1, by: -1) where changed[column] {
                if next.cells[rowStart + column].grapheme.isEmpty { changed[column - 1] = true }
            }
            for column in 0..<max(0, width - 1) where changed[column] {
                if next.cells[rowStart + column + 1].grapheme.isEmpty { changed[column + 1] = true }
            }
            appendRuns(of: next, row: row, changed: changed, to: &result)
        }
        return result
    }

    private static func appendRuns(of buffer: CellBuffer, row: Int, changed: [Bool], to result: inout [Run]) {
        let width = buffer.width
        let rowStart = row * width
        var column = 0
        while column < width {
            guard changed[column] else {
                column += 1
                continue
            }
            let start = column
            let role = buffer.cells[rowStart + column].role
            var text = ""
            while column < width, changed[column] {
                let cell = buffer.cells[rowStart + column]
                // A continuation belongs to the wide grapheme before it, whatever its role.
                if cell.grapheme.isEmpty && column > start {
                    column += 1
                    continue
                }
                guard cell.role == role else { break }
                var cells = 1
                while column + cells < width, buffer.cells[rowStart + column + cells].grapheme.isEmpty { cells += 1 }
                text += drawable(cell.grapheme, cells: cells)
                column += 1
            }
            result.append(Run(x: start, y: row, role: role, text: text, columns: column - start))
        }
    }

    /// The grapheme as drawn over `cells` cells (itself plus its continuations): itself when its
    /// width is exactly that, padded with a space when it is one column short, else spaces.
    private static func drawable(_ grapheme: String, cells: Int) -> String {
        let columns: Int
        if grapheme.utf8.count == 1, let byte = grapheme.utf8.first {
            columns = byte >= 0x20 && byte < 0x7F ? 1 : 0
        } else if grapheme.count == 1, let character = grapheme.first {
            columns = DisplayWidth.of(character)
        } else {
            columns = 0
        }
        if columns == cells { return grapheme }
        if columns > 0 && columns < cells { return grapheme + String(repeating: " ", count: cells - columns) }
        return String(repeating: " ", count: cells)
    }
}

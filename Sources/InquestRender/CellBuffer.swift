import InquestText
import InquestViewModel

/// One terminal cell: a grapheme cluster (or empty for the right half of a wide one)
/// and the style role it is drawn with.
public struct Cell: Sendable, Hashable {
    /// The grapheme drawn here; "" marks the continuation of a double-width grapheme.
    public var grapheme: String
    /// The style role the cell is drawn with.
    public var role: StyleRole

    /// A cell showing `grapheme` (one grapheme cluster, or "" for a continuation) in `role`.
    public init(grapheme: String = " ", role: StyleRole = .base) {
        self.grapheme = grapheme
        self.role = role
    }

    /// A space in the `base` role: what a new buffer is filled with.
    public static let blank = Cell()
}

/// A grid of cells that panes draw into; the terminal backend draws only what changed between
/// two of them (see ``BufferDiff``).
///
/// Invariant: a double-width grapheme occupies its cell and a continuation cell (grapheme "")
/// to its right. Writing over either half blanks the other half, so a wide grapheme is never
/// left half-drawn.
public struct CellBuffer: Sendable, Hashable {
    /// Columns.
    public let width: Int
    /// Rows.
    public let height: Int
    /// Row-major cells, `width * height` of them.
    public private(set) var cells: [Cell]

    /// A buffer of `width` × `height` blank cells (negative sizes count as 0).
    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.cells = Array(repeating: .blank, count: self.width * self.height)
    }

    /// The whole buffer as a rectangle.
    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// The cell at column `x`, row `y`. Reading outside the buffer gives ``Cell/blank``;
    /// writing outside it is ignored. Writing over half of a wide grapheme blanks its other half.
    public subscript(x: Int, y: Int) -> Cell {
        get {
            guard contains(x: x, y: y) else { return .blank }
            return cells[y * width + x]
        }
        set {
            guard contains(x: x, y: y) else { return }
            write(newValue, at: y * width + x, x: x)
        }
    }

    /// Sets every cell of `rect` (clipped to the buffer) to `cell`.
    public mutating func fill(_ rect: Rect, with cell: Cell) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        for row in area.y..<area.maxY {
            for column in area.x..<area.maxX {
                write(cell, at: row * width + column, x: column)
            }
        }
    }

    /// Restyles every cell of `rect` (clipped to the buffer) without changing its text,
    /// e.g. for a selection bar.
    public mutating func setRole(_ role: StyleRole, in rect: Rect) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        for row in area.y..<area.maxY {
            for column in area.x..<area.maxX {
                cells[row * width + column].role = role
            }
        }
    }

    func contains(x: Int, y: Int) -> Bool {
        x >= 0 && y >= 0 && x < width && y < height
    }

    /// Stores `cell` at `index` (column `x`), repairing any wide grapheme it cuts in half.
    mutating func write(_ cell: Cell, at index: Int, x: Int) {
        let old = cells[index]
        if old.grapheme.isEmpty, !cell.grapheme.isEmpty, x > 0 {
            // Overwriting the right half of a wide grapheme: blank its left half.
            cells[index - 1].grapheme = " "
        }
        if old.grapheme.utf8.count > 1, x + 1 < width, cells[index + 1].grapheme.isEmpty,
            !cell.grapheme.isEmpty, Self.isWideGrapheme(old.grapheme), !Self.isWideGrapheme(cell.grapheme) {
            // Overwriting the left half of a wide grapheme with a narrow one: blank the orphan.
            cells[index + 1].grapheme = " "
        }
        cells[index] = cell
    }

    static func isWideGrapheme(_ grapheme: String) -> Bool {
        guard grapheme.utf8.count > 1, let character = grapheme.first else { return false }
        return DisplayWidth.of(character) == 2
    }
}

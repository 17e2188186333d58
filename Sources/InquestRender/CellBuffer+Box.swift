import InquestViewModel
extension CellBuffer {
    /// Draws a single-line box (─│┌┐└┘) around the edge of `rect`, with `title` in the top border
    /// ("┌ Timeline ───┐"), truncated with "…" when the box is too narrow. The interior is not
    /// touched. A rectangle narrower or shorter than 2 cells draws nothing.
    public mutating func box(_ rect: Rect, title: String?, role: StyleRole, titleRole: StyleRole) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let right = rect.maxX - 1
        let bottom = rect.maxY - 1
        for column in (rect.x + 1)..<right {
            writeClipped(Cell(grapheme: "─", role: role), x: column, y: rect.y)
            writeClipped(Cell(grapheme: "─", role: role), x: column, y: bottom)
        }
        for row in (rect.y + 1)..<bottom {
            writeClipped(Cell(grapheme: "│", role: role), x: rect.x, y: row)
            writeClipped(Cell(grapheme: "│", role: role), x: right, y: row)
        }
        writeClipped(Cell(grapheme: "┌", role: role), x: rect.x, y: rect.y)
        writeClipped(Cell(grapheme: "┐", role: role), x: right, y: rect.y)
        writeClipped(Cell(grapheme: "└", role: role), x: rect.x, y: bottom)
        writeClipped(Cell(grapheme: "┘", role: role), x: right, y: bottom)
        if let title, !title.isEmpty, rect.width >= 5 {
            put(" \(title) ", x: rect.x + 1, y: rect.y, maxWidth: rect.width - 2, role: titleRole)
        }
    }
}

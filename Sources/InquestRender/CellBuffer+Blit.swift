import InquestViewModel
extension CellBuffer {
    /// Copies `source` onto this buffer with its top-left corner at (x,y), clipped to this buffer.
    /// Lets a pane draw into its own buffer and be composed into the screen. A wide grapheme cut
    /// by the clip edge becomes a space (never half-drawn).
    public mutating func blit(_ source: CellBuffer, x originX: Int, y originY: Int) {
        let area = Rect(x: originX, y: originY, width: source.width, height: source.height).intersection(bounds)
        guard !area.isEmpty else { return }
        for row in area.y..<area.maxY {
            for column in area.x..<area.maxX {
                var cell = source[column - originX, row - originY]
                if cell.grapheme.isEmpty && column == area.x {
                    cell.grapheme = " "  // continuation whose wide grapheme was clipped away
                } else if column == area.maxX - 1, !cell.grapheme.isEmpty,
                    source[column - originX + 1, row - originY].grapheme.isEmpty,
                    column - originX + 1 < source.width {
                    cell.grapheme = " "  // wide grapheme whose continuation is clipped away
                }
                write(cell, at: row * width + column, x: column)
            }
        }
    }
}

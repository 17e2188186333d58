import InquestText

extension CellBuffer {
    /// Draws sanitized text at (x,y), clipped to `maxWidth` columns (default: to the buffer edge);
    /// when it does not fit and `truncate` is true the last visible column is "…". Returns columns used.
    ///
    /// A double-width grapheme that would straddle the clip edge is replaced by a space (never
    /// half-drawn). Zero-width clusters (a lone combining mark, U+200B) are not drawn. The text is
    /// sanitized with ``TextSanitizer/singleLine(_:)`` first, so untrusted text is safe to pass.
    /// Nothing is drawn (and 0 is returned) when `y` is outside the buffer.
    @discardableResult
    public mutating func put(
        _ text: String, x: Int, y: Int, maxWidth: Int? = nil, role: StyleRole, truncate: Bool = true
    ) -> Int {
        guard y >= 0, y < height else { return 0 }
        let limit = min(maxWidth ?? (width - x), width - x)
        guard limit > 0 else { return 0 }
        let rowStart = y * width

        // Fast path: printable ASCII, one cell per byte.
        if let asciiWidth = DisplayWidth.printableASCIIWidth(text) {
            let fits = asciiWidth <= limit
            let drawn = fits ? asciiWidth : (truncate ? limit - 1 : limit)
            var column = x
            for byte in text.utf8.prefix(drawn) {
                if column >= 0 {
                    write(Cell(grapheme: String(Unicode.Scalar(byte)), role: role), at: rowStart + column, x: column)
                }
                column += 1
            }
            if !fits && truncate { writeClipped(Cell(grapheme: "…", role: role), x: x + limit - 1, y: y) }
            return fits ? asciiWidth : limit
        }

        let clean = TextSanitizer.singleLine(text)
        var total = 0
        for grapheme in clean { total += DisplayWidth.of(grapheme) }  // already sanitized: no second pass
        let fits = total <= limit
        let end = x + (fits || !truncate ? limit : limit - 1)
        var column = x
        for grapheme in clean {
            let columns = DisplayWidth.of(grapheme)
            if columns == 0 { continue }
            if column + columns > end {
                if column < end { writeClipped(Cell(grapheme: " ", role: role), x: column, y: y) }
                column = end
                break
            }
            if columns == 2 {
                if column >= 0 {
                    writeClipped(Cell(grapheme: String(grapheme), role: role), x: column, y: y)
                    writeClipped(Cell(grapheme: "", role: role), x: column + 1, y: y)
                } else if column + 1 >= 0 {
                    writeClipped(Cell(grapheme: " ", role: role), x: column + 1, y: y)
                }
            } else {
                writeClipped(Cell(grapheme: String(grapheme), role: role), x: column, y: y)
            }
            column += columns
        }
        if fits { return total }
        if truncate {
            writeClipped(Cell(grapheme: "…", role: role), x: x + limit - 1, y: y)
            return limit
        }
        return column - x
    }

    /// Writes one cell if (x,y) is inside the buffer.
    mutating func writeClipped(_ cell: Cell, x: Int, y: Int) {
        guard contains(x: x, y: y) else { return }
        write(cell, at: y * width + x, x: x)
    }
}

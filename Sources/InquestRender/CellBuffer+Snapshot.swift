extension CellBuffer {
    /// Each row as text, for snapshot tests: continuation cells are skipped (the wide grapheme
    /// before them already covers two columns) and trailing spaces are kept.
    public func textLines() -> [String] {
        (0..<height).map { row in
            var line = ""
            line.reserveCapacity(width)
            for cell in cells[(row * width)..<((row + 1) * width)] where !cell.grapheme.isEmpty {
                line += cell.grapheme
            }
            return line
        }
    }

    /// A second grid for style snapshots: one character per cell naming its role.
    ///
    /// ``StyleRole/base`` is always ".". Other roles reuse their letter from `legend` when they
    /// have one; new roles get the next unused letter of `a`–`z`, `A`–`Z`, `0`–`9` in first-seen
    /// order (row by row, left to right), so the same screen always gives the same letters.
    /// Continuation cells repeat their wide grapheme's letter, so every row is `width` long.
    /// Past 62 roles, further roles share "?".
    public func roleLines(legend: inout [StyleRole: Character]) -> [String] {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        legend[.base] = "."
        var used = Set(legend.values)
        var nextIndex = 0
        func letter(for role: StyleRole) -> Character {
            if let known = legend[role] { return known }
            while nextIndex < alphabet.count, used.contains(alphabet[nextIndex]) { nextIndex += 1 }
            let assigned: Character = nextIndex < alphabet.count ? alphabet[nextIndex] : "?"
            legend[role] = assigned
            used.insert(assigned)
            return assigned
        }
        return (0..<height).map { row in
            String(cells[(row * width)..<((row + 1) * width)].map { letter(for: $0.role) })
        }
    }
}

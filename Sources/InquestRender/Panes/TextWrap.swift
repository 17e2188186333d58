/// Wraps sanitised text to a number of columns (by display width, never splitting a
/// grapheme), for note bodies. A line breaks at its last space, so words stay whole; a run
/// without spaces (a URL, an id) wider than the width is cut where the width ends.
enum TextWrap {
    static func lines(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [text] }
        let characters = Array(text)
        let columns = characters.map(DisplayWidth.of)
        var result: [String] = []
        var start = 0
        repeat {
            var end = start
            var used = 0
            while end < characters.count, used + columns[end] <= width {
                used += columns[end]
                end += 1
            }
            if end == start && end < characters.count { end += 1 }
            var next = end
            if end < characters.count {
                let earliest = start + 1
                // `end` itself may be the space: the line then ends right before it.
                if earliest <= end, let space = (earliest...end).last(where: { characters[$0] == " " }) {
                    end = space
                    next = space + 1
                }
            }
            result.append(String(characters[start..<end]))
            start = next
        } while start < characters.count
        return result
    }
}

/// Where to break a line of text so it fits in a number of columns: at the last space that
/// fits (the space itself is dropped), or — for a run without spaces wider than the room —
/// where the room ends. Shared by the details pane (spans) and the notes pane (plain text).
public enum WordWrap {
    /// The half-open ranges of `columns.indices` that make the lines.
    ///
    /// - `columns`: the display width of each character.
    /// - `isBreak`: whether the character at an index is a space a line may break at.
    /// - `room`: the columns available to line `n` (0 is the first line).
    /// - `keep`: characters at the start of the first line that may not end it (a key's label).
    public static func ranges(
        columns: [Int], isBreak: (Int) -> Bool, room: (Int) -> Int, keep: Int = 0
    ) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = 0
        repeat {
            var end = start
            var used = 0
            let available = room(result.count)
            while end < columns.count, used + columns[end] <= available {
                used += columns[end]
                end += 1
            }
            if end == start && end < columns.count { end += 1 }
            var next = end
            if end < columns.count {
                // `end` itself may be the space: the line then ends right before it.
                let earliest = start + (result.isEmpty ? keep + 1 : 1)
                if earliest <= end, let space = (earliest...end).last(where: isBreak) {
                    end = space
                    next = space + 1
                }
            }
            result.append(start..<end)
            start = next
        } while start < columns.count
        return result
    }
}

/// Hard-wraps sanitised text to a number of columns (by display width, never splitting a
/// grapheme), for note bodies.
enum TextWrap {
    static func lines(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [text] }
        var result: [String] = []
        var current = ""
        var used = 0
        for character in text {
            let columns = DisplayWidth.of(character)
            if used + columns > width {
                result.append(current)
                current = ""
                used = 0
            }
            current.append(character)
            used += columns
        }
        result.append(current)
        return result
    }
}

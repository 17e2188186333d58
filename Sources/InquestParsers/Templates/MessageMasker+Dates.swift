extension MessageMasker {
    /// Searched linearly: 19 integer compares cost less than hashing the key.
    private static let dayAndMonthPrefixes: [UInt32] =
        ["mon", "tue", "wed", "thu", "fri", "sat", "sun",
         "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"].map { word in
            word.utf8.reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        }

    /// How many raw tokens from `position` spell a date (two or more, at least one weekday or
    /// month name and one number or time); 0 when they do not.
    static func dateRunLength(_ buffer: UnsafeBufferPointer<UInt8>, _ raw: [Range<Int>], from position: Int) -> Int {
        var end = position
        var hasName = false
        var hasNumber = false
        while end < raw.count {
            let token = UnsafeBufferPointer(rebasing: buffer[raw[end]])
            if isDayOrMonthName(token) {
                hasName = true
            } else if isNumberOrTime(token) {
                hasNumber = true
            } else {
                break
            }
            end += 1
        }
        return end - position >= 2 && hasName && hasNumber ? end - position : 0
    }

    /// A weekday or month name, abbreviated or whole (`Sun`, `July`), with an optional trailing comma.
    private static func isDayOrMonthName(_ token: UnsafeBufferPointer<UInt8>) -> Bool {
        var length = token.count
        if length > 0, token[length - 1] == 0x2C { length -= 1 }
        guard length >= 3, length <= 9 else { return false }
        for index in 0..<length where !isLetter(token[index]) { return false }
        let prefix = (0..<3).reduce(UInt32(0)) { $0 << 8 | UInt32(token[$1] | 0x20) }
        return dayAndMonthPrefixes.contains(prefix)
    }

    /// Digits with `:`, `.` or `,` between (`10`, `03:55:15`, `2005,`).
    private static func isNumberOrTime(_ token: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = token.first, isDigit(first) else { return false }
        for byte in token where !(isDigit(byte) || byte == 0x3A || byte == 0x2E || byte == 0x2C) { return false }
        return true
    }
}

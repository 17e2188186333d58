extension MessageMasker {
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
        guard length >= 3 else { return false }
        if token[length - 1] == 0x2C { length -= 1 }
        guard length >= 3, length <= 9 else { return false }
        // The prefix first: most words are not a weekday or month, and say so in three bytes.
        let prefix = UInt32(token[0] | 0x20) << 16 | UInt32(token[1] | 0x20) << 8 | UInt32(token[2] | 0x20)
        guard isDayOrMonthPrefix(prefix) else { return false }
        for index in 0..<length where !isLetter(token[index]) { return false }
        return true
    }

    /// Digits with `:`, `.` or `,` between (`10`, `03:55:15`, `2005,`).
    private static func isNumberOrTime(_ token: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = token.first, isDigit(first) else { return false }
        for byte in token where !(isDigit(byte) || byte == 0x3A || byte == 0x2E || byte == 0x2C) { return false }
        return true
    }

    /// Whether three lower-case letters (`0x6d6f6e` is `mon`) begin a weekday or month name: a
    /// switch over constants, which the compiler turns into a search, with no table to load.
    private static func isDayOrMonthPrefix(_ prefix: UInt32) -> Bool {
        switch prefix {
        case 0x6D6F6E, 0x747565, 0x776564, 0x746875, 0x667269, 0x736174, 0x73756E,  // mon … sun
             0x6A616E, 0x666562, 0x6D6172, 0x617072, 0x6D6179, 0x6A756E,  // jan … jun
             0x6A756C, 0x617567, 0x736570, 0x6F6374, 0x6E6F76, 0x646563:  // jul … dec
            true
        default: false
        }
    }
}

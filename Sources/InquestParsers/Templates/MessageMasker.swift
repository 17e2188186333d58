import InquestCore

/// Turns a log message into the tokens a ``TemplateMiner`` mines: split on white space, with the
/// parts whose *shape* says they vary replaced by ``MessageMasker/wildcard`` before any tree descent.
///
/// By shape, not by name: a letter-and-digit run holding a digit (numbers, ids, hex, the digits of
/// an IP, a version) becomes `<*>` inside its token, so `blk_-42` reads `blk_<*>`, `10.0.0.1:80`
/// reads `<*>` and `PendingReds:0` reads `PendingReds:<*>`; a path (`/a/b`, `./a/b`, `~/a`, a URL)
/// or a host name of three or more lower-case labels becomes one `<*>`, also as a `key=value` value
/// or inside brackets and quotes; a run of two or more tokens that spell a date (a weekday or month
/// name next to numbers or a time, `Sun Jul 10 03:55:15 2005`) becomes one `<*>`. Words without
/// digits stay: whether such a word varies is the miner's call (see ``TemplateMinerSettings``).
///
/// Bounded: at most ``maximumTokens`` tokens are kept; the rest of a longer message is one final `<*>`.
public enum MessageMasker {
    /// The text of a variable part in a template.
    public static let wildcard = LogTemplate.wildcard

    /// Tokens kept from one message; a longer message ends in one `<*>` for the rest.
    public static let maximumTokens = 128

    /// The masked tokens of `message`, in order.
    public static func tokens(of message: String) -> [String] {
        var bytes = Array(message.utf8)
        return bytes.withUnsafeMutableBufferPointer { buffer in
            var raw: [Range<Int>] = []
            var index = 0
            let count = buffer.count
            while index < count, raw.count <= maximumTokens {
                while index < count, isSpace(buffer[index]) { index += 1 }
                let start = index
                while index < count, !isSpace(buffer[index]) { index += 1 }
                if index > start { raw.append(start..<index) }
            }
            let truncated = raw.count > maximumTokens
            if truncated { raw.removeLast(raw.count - maximumTokens + 1) }
            var tokens: [String] = []
            tokens.reserveCapacity(raw.count + 1)
            var position = 0
            while position < raw.count {
                let run = dateRunLength(buffer, raw, from: position)
                if run > 0 {
                    tokens.append(wildcard)
                    position += run
                    continue
                }
                tokens.append(masked(UnsafeBufferPointer(rebasing: buffer[raw[position]])))
                position += 1
            }
            if truncated { tokens.append(wildcard) }
            return tokens
        }
    }

    @inline(__always) static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0B || byte == 0x0C
    }

    @inline(__always) static func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }

    @inline(__always) static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) &- 0x61 < 26 }

    /// Letters, digits and every non-ASCII byte (so a UTF-8 word stays one run).
    @inline(__always) static func isWordByte(_ byte: UInt8) -> Bool {
        isDigit(byte) || isLetter(byte) || byte >= 0x80
    }
}

import InquestCore

/// Turns a log message into what a ``TemplateMiner`` mines: its tokens (split on white space),
/// with the parts whose *shape* says they vary replaced by ``MessageMasker/wildcard``, joined by
/// one space (``masked(_:)``): one string per message, built in one pass over its bytes, so the
/// parsing threads hand the miner one value per message and the miner's cache hashes it once.
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

    /// The masked tokens of `message` joined by one space (a token never holds white space).
    public static func masked(_ message: String) -> String {
        var message = message
        return message.withUTF8 { maskedText(of: $0) }
    }

    /// The masked tokens of `message`, in order.
    public static func tokens(of message: String) -> [String] {
        tokens(ofMasked: masked(message))
    }

    /// The tokens of a ``masked(_:)`` text.
    public static func tokens(ofMasked text: String) -> [String] {
        text.split(separator: " ").map(String.init)
    }

    /// The most bytes ``mask(_:into:)`` writes for a message of `count` bytes: a token's masked
    /// text is at most three times its length (`1,2` → `<*>,<*>`), plus the spaces between at most
    /// ``maximumTokens`` tokens and a final `<*>`.
    static func maskedCapacity(forBytes count: Int) -> Int { 3 * count + maximumTokens + 8 }

    private static func maskedText(of buffer: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: maskedCapacity(forBytes: buffer.count)) { mask(buffer, into: $0) }
    }

    /// Writes the masked tokens of the message `buffer` into `storage` (at least
    /// ``maskedCapacity(forBytes:)`` bytes) and returns how many bytes it wrote.
    static func mask(_ buffer: UnsafeBufferPointer<UInt8>, into storage: UnsafeMutableBufferPointer<UInt8>) -> Int {
        var raw: [Range<Int>] = []
        raw.reserveCapacity(32)
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
        var output = MaskedBytes(storage)
        var position = 0
        while position < raw.count {
            if position > 0 { output.append(0x20) }
            let run = dateRunLength(buffer, raw, from: position)
            if run > 0 {
                output.appendWildcard()
                position += run
                continue
            }
            appendMasked(UnsafeBufferPointer(rebasing: buffer[raw[position]]), to: &output)
            position += 1
        }
        if truncated {
            if output.count > 0 { output.append(0x20) }
            output.appendWildcard()
        }
        return output.count
    }

    static let wildcardBytes = Array(wildcard.utf8)

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

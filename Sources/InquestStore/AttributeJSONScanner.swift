/// Reads the top-level members of an event's attributes (a JSON object's UTF-8 text) for
/// ``AttributeCounts``, in one bounded pass without allocating: each member's key and, where it
/// is certain to equal what SQLite's `json_extract` returns for that key, its value.
///
/// Only what is certain is read as a value: an integer of at most 18 digits (SQLite returns the
/// same INTEGER), `true`/`false` (1/0), `null` (SQL NULL), and a string without escapes (the
/// same TEXT). Anything else under a key (a fraction or exponent, whose rounding is SQLite's, an
/// escaped string, an object or array) is ``Value/uncertain``: its counts are not kept and the
/// key reads the rows. Text the scanner does not read as plain JSON (JSON5, escaped keys,
/// control characters, unbalanced brackets, trailing bytes) makes ``scan(_:_:)`` return false,
/// and none of its members may be trusted.
enum AttributeJSONScanner {
    enum Value: Equatable {
        case integer(Int64)
        /// The string's bytes (without quotes) at `offset` in the scanned buffer.
        case text(offset: Int, length: Int)
        case null
        case uncertain
    }

    /// Calls `member` with each top-level member's key (offset and length in `bytes`) and value,
    /// in order; returns whether the whole text was read (false: distrust every member).
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, _ member: (_ keyOffset: Int, _ keyLength: Int, _ value: Value) -> Void) -> Bool {
        var position = skipSpace(bytes, 0)
        guard position < bytes.count, bytes[position] == UInt8(ascii: "{") else { return false }
        position = skipSpace(bytes, position + 1)
        if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
            return skipSpace(bytes, position + 1) == bytes.count
        }
        while position < bytes.count {
            guard bytes[position] == UInt8(ascii: "\""), let key = plainString(bytes, position) else { return false }
            position = skipSpace(bytes, key.end)
            guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else { return false }
            position = skipSpace(bytes, position + 1)
            guard let (value, end) = value(bytes, position) else { return false }
            member(key.offset, key.length, value)
            position = skipSpace(bytes, end)
            guard position < bytes.count else { return false }
            if bytes[position] == UInt8(ascii: "}") { return skipSpace(bytes, position + 1) == bytes.count }
            guard bytes[position] == UInt8(ascii: ",") else { return false }
            position = skipSpace(bytes, position + 1)
        }
        return false
    }

    private static func skipSpace(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int {
        var position = start
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return position
            }
        }
        return position
    }

    /// A string starting at the quote at `start` with no escape or control character: its
    /// contents and the position after its closing quote.
    private static func plainString(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int) -> (offset: Int, length: Int, end: Int)? {
        var position = start + 1
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") { return (start + 1, position - start - 1, position + 1) }
            if byte == UInt8(ascii: "\\") || byte < 0x20 { return nil }
            position += 1
        }
        return nil
    }

    /// The value starting at `start` and the position after it, or nil when it is not plain JSON.
    private static func value(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int) -> (Value, Int)? {
        guard start < bytes.count else { return nil }
        switch bytes[start] {
        case UInt8(ascii: "\""):
            if let string = plainString(bytes, start) { return (.text(offset: string.offset, length: string.length), string.end) }
            return skipString(bytes, start).map { (.uncertain, $0) }
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            return skipNested(bytes, start).map { (.uncertain, $0) }
        case UInt8(ascii: "t"): return literal("true", bytes, start).map { (.integer(1), $0) }
        case UInt8(ascii: "f"): return literal("false", bytes, start).map { (.integer(0), $0) }
        case UInt8(ascii: "n"): return literal("null", bytes, start).map { (.null, $0) }
        default: return number(bytes, start)
        }
    }

    private static func literal(_ word: StaticString, _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int? {
        let count = word.utf8CodeUnitCount
        guard start + count <= bytes.count else { return nil }
        for index in 0..<count where bytes[start + index] != word.utf8Start[index] { return nil }
        return start + count
    }

    /// A JSON number: an integer that fits in 18 digits (no `-0`) exactly, any other one as uncertain.
    private static func number(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int) -> (Value, Int)? {
        func isDigit(_ position: Int) -> Bool { position < bytes.count && (0x30...0x39).contains(bytes[position]) }
        var position = start
        let negative = bytes[position] == UInt8(ascii: "-")
        if negative { position += 1 }
        let digitsStart = position
        guard isDigit(position) else { return nil }
        // JSON allows no leading zero: "0" alone, or a fraction after it.
        if bytes[position] == UInt8(ascii: "0") {
            position += 1
            if isDigit(position) { return nil }
        } else {
            while isDigit(position) { position += 1 }
        }
        let digits = position - digitsStart
        var integral = true
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            position += 1
            guard isDigit(position) else { return nil }
            while isDigit(position) { position += 1 }
            integral = false
        }
        if position < bytes.count, bytes[position] | 0x20 == UInt8(ascii: "e") {
            position += 1
            if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") { position += 1 }
            guard isDigit(position) else { return nil }
            while isDigit(position) { position += 1 }
            integral = false
        }
        guard integral, digits <= 18, !(negative && bytes[digitsStart] == UInt8(ascii: "0")) else { return (.uncertain, position) }
        var magnitude: Int64 = 0
        for index in digitsStart..<(digitsStart + digits) { magnitude = magnitude * 10 + Int64(bytes[index] - 0x30) }
        return (.integer(negative ? -magnitude : magnitude), position)
    }

    /// The position after the string (escapes allowed) starting at `start`.
    private static func skipString(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int? {
        var position = start + 1
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") { return position + 1 }
            if byte < 0x20 { return nil }
            position += byte == UInt8(ascii: "\\") ? 2 : 1
        }
        return nil
    }

    /// The position after the object or array starting at `start`: brackets balanced by a depth
    /// count (no recursion), strings skipped. Its contents are not validated further: they are
    /// never read as values.
    private static func skipNested(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int? {
        var closers: [UInt8] = []
        var position = start
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: "{"): closers.append(UInt8(ascii: "}"))
            case UInt8(ascii: "["): closers.append(UInt8(ascii: "]"))
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                guard closers.popLast() == bytes[position] else { return nil }
                if closers.isEmpty { return position + 1 }
            case UInt8(ascii: "\""):
                guard let end = skipString(bytes, position) else { return nil }
                position = end
                continue
            default: break
            }
            position += 1
        }
        return nil
    }
}

extension MessageMasker {
    /// `(`, `[`, `{`, `<` and quotes: kept around a masked path or host name.
    @inline(__always) static func isLeadingWrapper(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x28, 0x5B, 0x7B, 0x3C, 0x22, 0x27: true
        default: false
        }
    }

    /// Closing brackets, quotes and `,;:.`: kept after a masked path or host name.
    @inline(__always) static func isTrailingWrapper(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x29, 0x5D, 0x7D, 0x3E, 0x22, 0x27, 0x2C, 0x3B, 0x3A, 0x2E: true
        default: false
        }
    }

    /// Appends one token with its variable parts replaced to `output`.
    static func appendMasked(_ token: UnsafeBufferPointer<UInt8>, to output: inout MaskedBytes) {
        if isPlainWord(token) {
            output.append(token, 0, token.count)
            return
        }
        let (start, end) = unwrapped(token)
        if end > start, isCodeLocation(token, start, end) {
            output.append(token, 0, token.count)
            return
        }
        if end > start, isPath(token, start, end) || isHostName(token, start, withoutPort(token, start, end)) {
            output.append(token, 0, start)
            output.appendWildcard()
            output.append(token, end, token.count)
            return
        }
        if let equals = firstIndex(of: 0x3D, in: token, start, end), equals > start {
            var valueEnd = end
            while valueEnd > equals + 1, isTrailingWrapper(token[valueEnd - 1]) { valueEnd -= 1 }
            if valueEnd > equals + 1, isPath(token, equals + 1, valueEnd) || isHostName(token, equals + 1, valueEnd) {
                output.append(token, 0, equals + 1)
                output.appendWildcard()
                output.append(token, valueEnd, token.count)
                return
            }
        }
        appendMaskedRuns(token, to: &output)
    }

    /// Appends `token` with each letter-and-digit run holding a digit replaced by `<*>`: a `-`
    /// sign right before it (at the token's start or after other punctuation) goes with it, and
    /// `<*>` joined to the previous `<*>` by one `.`, `:` or `-` (an IP, a time, a version) merges
    /// into it.
    static func appendMaskedRuns(_ token: UnsafeBufferPointer<UInt8>, to output: inout MaskedBytes) {
        let base = output.count  // where this token's text starts in `output`
        var lastWildcardEnd = -1  // output length right after the last `<*>` written
        var index = 0
        let count = token.count
        while index < count {
            guard isWordByte(token[index]) else {
                output.append(token[index])
                index += 1
                continue
            }
            let start = index
            var hasDigit = false
            while index < count, isWordByte(token[index]) {
                if isDigit(token[index]) { hasDigit = true }
                index += 1
            }
            guard hasDigit else {
                output.append(token, start, index)
                continue
            }
            if output.count > base, output[output.count - 1] == 0x2D,
               output.count - base == 1 || !isWordByte(output[output.count - 2]) {
                output.removeLast()
            }
            if lastWildcardEnd >= 0, output.count == lastWildcardEnd + 1,
               output[output.count - 1] == 0x2E || output[output.count - 1] == 0x3A || output[output.count - 1] == 0x2D {
                output.removeLast()
                continue
            }
            if output.count == lastWildcardEnd { continue }
            output.appendWildcard()
            lastWildcardEnd = output.count
        }
    }

    /// Most tokens are words: no digit, nor `.`, `/` or `=` (so no number, path, host name or
    /// `key=value`): kept as they are without the shape checks.
    @inline(__always) static func isPlainWord(_ token: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in token where isDigit(byte) || byte == 0x2E || byte == 0x2F || byte == 0x3D { return false }
        return true
    }

    /// `/a/b`, `./a/b`, `~/a/b` or `scheme://host/...`: a leading root or scheme and one more `/`.
    static func isPath(_ token: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        var index = start
        if token[index] == 0x2F {
            index += 1
        } else if token[index] == 0x7E || token[index] == 0x2E, index + 1 < end, token[index + 1] == 0x2F {
            index += 2
        } else if isLetter(token[index]) {
            while index < end, isLetter(token[index]) || isDigit(token[index]) || token[index] == 0x2B
                || token[index] == 0x2E || token[index] == 0x2D {
                index += 1
            }
            guard index + 2 < end, token[index] == 0x3A, token[index + 1] == 0x2F, token[index + 2] == 0x2F else {
                return false
            }
            return true
        } else {
            return false
        }
        return firstIndex(of: 0x2F, in: token, index, end) != nil
    }

    /// A log statement's place in the code, as a logging pattern writes it: a qualified class name
    /// (two or more dot-separated identifiers, the last capitalised) or a source file name (`.java`,
    /// `.py`, `.go`, …) followed by `#` or `:` and a line number (`t.s.TravelServiceImpl#372`,
    /// `o.a.h.DataNode:1204`, `server.go:88`). Kept whole: the line number names the statement,
    /// so two statements that write the same words at different lines are two templates, and
    /// one that stops writing while the other goes on is seen. `PendingReds:0` (no dot) and a
    /// stack frame (`Bar.baz(Bar.java:12)`, a `(` inside) are not code locations.
    static func isCodeLocation(_ token: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        var digits = end
        while digits > start, isDigit(token[digits - 1]) { digits -= 1 }
        guard digits < end, end - digits <= 6, digits - 1 > start,
              token[digits - 1] == 0x23 || token[digits - 1] == 0x3A else { return false }
        let nameEnd = digits - 1
        var segments = 0
        var segmentStart = start
        var lastSegment = start..<start
        var index = start
        while index <= nameEnd {
            if index == nameEnd || token[index] == 0x2E {
                guard index > segmentStart, !isDigit(token[segmentStart]) else { return false }
                segments += 1
                lastSegment = segmentStart..<index
                segmentStart = index + 1
            } else if !isIdentifierByte(token[index]) {
                return false
            }
            index += 1
        }
        guard segments >= 2 else { return false }
        if token[lastSegment.lowerBound] &- 0x41 < 26 { return true }
        return token[digits - 1] == 0x3A && isSourceFileExtension(token, lastSegment)
    }

    /// Whether a masked token is a code location (``isCodeLocation(_:_:_:)`` inside its brackets
    /// and trailing punctuation).
    static func isCodeLocation(_ token: String) -> Bool {
        var token = token
        return token.withUTF8 { bytes in
            let (start, end) = unwrapped(bytes)
            return end > start && isCodeLocation(bytes, start, end)
        }
    }

    /// Where a token's text starts and ends inside its leading brackets and quotes and its
    /// trailing brackets, quotes and punctuation (``isLeadingWrapper(_:)``, ``isTrailingWrapper(_:)``).
    static func unwrapped(_ token: UnsafeBufferPointer<UInt8>) -> (start: Int, end: Int) {
        var start = 0
        var end = token.count
        while start < end, isLeadingWrapper(token[start]) { start += 1 }
        while end > start, isTrailingWrapper(token[end - 1]) { end -= 1 }
        return (start, end)
    }

    /// `java`, `kt`, `scala`, `py`, `go`, `rb`, `js`, `ts`, `c`, `cc`, `cpp`, `h`, `rs`, `swift`, `cs`, `php`.
    static func isSourceFileExtension(_ token: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        switch String(decoding: UnsafeBufferPointer(rebasing: token[range]), as: UTF8.self) {
        case "java", "kt", "scala", "py", "go", "rb", "js", "ts", "c", "cc", "cpp", "h", "rs", "swift", "cs",
             "php": true
        default: false
        }
    }

    /// ASCII letters, digits, `_` and `$`: the bytes of an identifier in a class or file name.
    @inline(__always) static func isIdentifierByte(_ byte: UInt8) -> Bool {
        isDigit(byte) || isLetter(byte) || byte == 0x5F || byte == 0x24
    }

    /// Where `host:port` ends without its `:port` (digits only); `end` when there is none.
    static func withoutPort(_ token: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        var index = end
        while index > start, isDigit(token[index - 1]) { index -= 1 }
        return index < end && index - 1 > start && token[index - 1] == 0x3A ? index - 1 : end
    }

    /// Three or more dot-separated labels of lower-case letters, digits and `-` (`ns.example.com`).
    static func isHostName(_ token: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        var labels = 1
        var labelLength = 0
        for index in start..<end {
            let byte = token[index]
            if byte == 0x2E {
                guard labelLength > 0 else { return false }
                labels += 1
                labelLength = 0
            } else if byte &- 0x61 < 26 || isDigit(byte) || byte == 0x2D {
                labelLength += 1
            } else {
                return false
            }
        }
        return labels >= 3 && labelLength > 0
    }

    static func firstIndex(of byte: UInt8, in token: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int? {
        var index = start
        while index < end {
            if token[index] == byte { return index }
            index += 1
        }
        return nil
    }
}

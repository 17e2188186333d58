/// Finds the byte ranges of elements in JUnit XML text without a second XML parse, so events
/// can carry the `<testcase>` element exactly as written.
///
/// Comments, CDATA sections and processing instructions are skipped; attribute values may hold `>`.
enum JUnitElementSlicer {
    /// The range of every `<testcase ...>...</testcase>` or `<testcase .../>`, in document order.
    static func testcaseRanges(in bytes: [UInt8]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var index = 0
        while let start = nextStartTag(named: Array("testcase".utf8), in: bytes, from: index) {
            guard let tagEnd = endOfTag(in: bytes, from: start) else { break }
            if bytes[tagEnd - 2] == 0x2F {
                ranges.append(start..<tagEnd)
                index = tagEnd
                continue
            }
            guard let close = find(Array("</testcase".utf8), in: bytes, from: tagEnd),
                let closeEnd = firstIndex(of: 0x3E, in: bytes, from: close)
            else { break }
            ranges.append(start..<(closeEnd + 1))
            index = closeEnd + 1
        }
        return ranges
    }

    /// The range of the first start tag named `name` (`<name ...>`), if any.
    static func firstStartTag(named name: String, in bytes: [UInt8]) -> Range<Int>? {
        guard let start = nextStartTag(named: Array(name.utf8), in: bytes, from: 0),
            let end = endOfTag(in: bytes, from: start)
        else { return nil }
        return start..<end
    }

    /// A compact element text for a case whose bytes could not be sliced.
    static func reserialised(_ testCase: JUnitCase) -> String {
        var text = "<testcase classname=\"\(escape(testCase.classname))\" name=\"\(escape(testCase.name))\""
        if let seconds = testCase.durationSeconds { text += " time=\"\(seconds)\"" }
        text += ">"
        switch testCase.status {
        case .passed: break
        case .failed, .error, .skipped:
            let element = testCase.status == .failed ? "failure" : testCase.status == .error ? "error" : "skipped"
            text += "<\(element) message=\"\(escape(testCase.failureMessage ?? ""))\""
            if let type = testCase.failureType { text += " type=\"\(escape(type))\"" }
            text += ">\(escape(testCase.failureBody ?? ""))</\(element)>"
        }
        return text + "</testcase>"
    }

    private static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(character)
            }
        }
        return out
    }

    /// The index of the next `<name` followed by whitespace, `>` or `/`, outside comments and CDATA.
    private static func nextStartTag(named name: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        while let open = firstIndex(of: 0x3C, in: bytes, from: index) {
            if hasPrefix(Array("<!--".utf8), in: bytes, at: open) {
                guard let end = find(Array("-->".utf8), in: bytes, from: open + 4) else { return nil }
                index = end + 3
                continue
            }
            if hasPrefix(Array("<![CDATA[".utf8), in: bytes, at: open) {
                guard let end = find(Array("]]>".utf8), in: bytes, from: open + 9) else { return nil }
                index = end + 3
                continue
            }
            let after = open + 1 + name.count
            if hasPrefix(name, in: bytes, at: open + 1), after < bytes.count {
                let next = bytes[after]
                if next == 0x20 || next == 0x09 || next == 0x0A || next == 0x0D || next == 0x3E || next == 0x2F {
                    return open
                }
            }
            index = open + 1
        }
        return nil
    }

    /// The index just past the `>` that ends the tag starting at `start`, honouring quoted values.
    private static func endOfTag(in bytes: [UInt8], from start: Int) -> Int? {
        var quote: UInt8?
        var index = start + 1
        while index < bytes.count {
            let byte = bytes[index]
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == 0x22 || byte == 0x27 {
                quote = byte
            } else if byte == 0x3E {
                return index + 1
            }
            index += 1
        }
        return nil
    }

    private static func firstIndex(of byte: UInt8, in bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        while index < bytes.count {
            if bytes[index] == byte { return index }
            index += 1
        }
        return nil
    }

    private static func hasPrefix(_ prefix: [UInt8], in bytes: [UInt8], at start: Int) -> Bool {
        guard start >= 0, start + prefix.count <= bytes.count else { return false }
        for offset in 0..<prefix.count where bytes[start + offset] != prefix[offset] { return false }
        return true
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first else { return nil }
        var index = start
        while let candidate = firstIndex(of: first, in: bytes, from: index) {
            if hasPrefix(needle, in: bytes, at: candidate) { return candidate }
            index = candidate + 1
        }
        return nil
    }
}

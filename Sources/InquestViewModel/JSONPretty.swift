/// Pretty-prints JSON text into indented lines of typed spans, keeping the key order and
/// the number spelling of the input (unlike Foundation, which reorders and reformats).
/// Text that is not valid JSON comes out token by token without failing.
public enum JSONPretty {
    public static func lines(_ json: String, indent: Int = 2) -> [[DetailSpan]] {
        var lines: [[DetailSpan]] = []
        var current: [DetailSpan] = []
        var depth = 0
        let characters = Array(json)
        var index = 0
        var expectingKey = false
        var containers: [Character] = []

        func newLine() {
            if !current.isEmpty { lines.append(current) }
            current = [DetailSpan(String(repeating: " ", count: depth * indent), .jsonPunctuation)]
        }

        current = []
        while index < characters.count {
            let character = characters[index]
            switch character {
            case " ", "\t", "\n", "\r":
                index += 1
            case "{", "[":
                current.append(DetailSpan(String(character), .jsonPunctuation))
                containers.append(character)
                index += 1
                // Empty containers stay on one line.
                var look = index
                while look < characters.count, characters[look].isWhitespace { look += 1 }
                if look < characters.count, characters[look] == (character == "{" ? "}" : "]") {
                    current.append(DetailSpan(String(characters[look]), .jsonPunctuation))
                    containers.removeLast()
                    index = look + 1
                    continue
                }
                depth += 1
                expectingKey = character == "{"
                newLine()
            case "}", "]":
                depth = max(0, depth - 1)
                if !containers.isEmpty { containers.removeLast() }
                newLine()
                current.append(DetailSpan(String(character), .jsonPunctuation))
                index += 1
            case ",":
                current.append(DetailSpan(",", .jsonPunctuation))
                expectingKey = containers.last == "{"
                index += 1
                newLine()
            case ":":
                current.append(DetailSpan(": ", .jsonPunctuation))
                expectingKey = false
                index += 1
            case "\"":
                var end = index + 1
                while end < characters.count, characters[end] != "\"" {
                    end += characters[end] == "\\" ? 2 : 1
                }
                end = min(end, characters.count - 1)
                let text = String(characters[index...end])
                current.append(DetailSpan(text, expectingKey ? .jsonKey : .jsonString))
                index = end + 1
            default:
                var end = index
                while end < characters.count, !",:{}[]\" \t\r\n".contains(characters[end]) { end += 1 }
                end = max(end, index + 1)
                let text = String(characters[index..<end])
                let isNumber = text.first.map { $0 == "-" || $0.isNumber } ?? false
                current.append(DetailSpan(text, isNumber ? .jsonNumber : .jsonLiteral))
                index = end
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines.map { line in line.filter { !$0.text.isEmpty } }.filter { line in
            !line.allSatisfy { $0.text.allSatisfy(\.isWhitespace) }
        }
    }
}

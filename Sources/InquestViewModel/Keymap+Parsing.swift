import InquestCore

extension Keymap {
    /// Parses keymap text: `key  command [argument]` per line, `#` comment lines,
    /// `[section]` headers (`[global]` until the first header). `key  none` unbinds.
    ///
    /// - Parameter source: the file name used in error messages (`keymap:12: ...`).
    public init(parsing text: String, source: String) throws(ViewModelError) {
        var sections: [KeymapSection: [KeyPress: CommandInvocation?]] = [:]
        var section = KeymapSection.global
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = String(rawLine).trimmingWhitespace
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("[") && line.hasSuffix("]") {
                let name = line.dropFirst().dropLast().trimmingWhitespace.lowercased()
                if name == "global" {
                    section = .global
                } else if let pane = Pane(rawValue: name) {
                    section = .pane(pane)
                } else if let overlay = KeymapOverlay(rawValue: name) {
                    section = .overlay(overlay)
                } else {
                    throw .unknownSection(source: source, line: lineNumber, name: name)
                }
                continue
            }
            let keyEnd = line.firstIndex(where: { $0 == " " || $0 == "\t" }) ?? line.endIndex
            let keyName = String(line[..<keyEnd])
            let commandText = String(line[keyEnd...]).trimmingWhitespace
            guard let key = KeyPress(name: keyName) else {
                throw .unknownKey(source: source, line: lineNumber, name: keyName)
            }
            guard !commandText.isEmpty else {
                throw .missingCommand(source: source, line: lineNumber, key: keyName)
            }
            if commandText == "none" {
                sections[section, default: [:]][key] = .some(nil)
                continue
            }
            guard let invocation = CommandInvocation(parsing: commandText) else {
                let name = String(commandText.prefix { $0 != " " && $0 != "\t" })
                throw .unknownCommand(source: source, line: lineNumber, name: name)
            }
            sections[section, default: [:]][key] = .some(invocation)
        }
        self.init(sections: sections)
    }
}

extension Keymap {
    /// Where the user's keymap lives: `$XDG_CONFIG_HOME/inquest/keymap`, else
    /// `$HOME/.config/inquest/keymap`; nil when neither variable is set. The runtime reads
    /// the file (if it exists) and passes its text to ``loading(userText:source:)``.
    public static func userFilePath(environment: [String: String]) -> String? {
        UserConfigPath.file("keymap", environment: environment)
    }
}

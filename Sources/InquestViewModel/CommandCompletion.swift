import InquestCore

/// Tab completion at the `:` prompt, as in a shell: the command name first, then its argument
/// (view names, tags, export formats, what to yank, breakdown dimensions, filter fields).
/// A pure function of the typed text and what the state knows; the prompt keeps the cycle.
public enum CommandCompletion {
    /// The word under completion and what could replace it.
    public struct Candidates: Sendable, Hashable {
        /// The characters of the prompt's text the candidate replaces (the word before the caret).
        public var range: Range<Int>
        /// Sorted, without duplicates.
        public var words: [String]
        /// True when a completed word ends the input (a space follows it); false for a word that
        /// is usually continued (`service:`, `attr:`).
        public var isFinal: [Bool]
    }

    /// The candidates for the word before the caret; nil when nothing completes there.
    public static func candidates(for field: TextField, state: CanvasState) -> Candidates? {
        let before = Array(field.text.prefix(field.caret))
        let wordStart = (before.lastIndex(where: { $0 == " " }).map { $0 + 1 }) ?? 0
        let word = String(before[wordStart...])
        let leading = String(before[..<wordStart]).trimmingWhitespace
        let options: [(String, Bool)]
        if leading.isEmpty {
            options = commandNames.map { ($0, true) }
        } else {
            let name = String(leading.prefix { $0 != " " })
            guard let command = CanvasCommand(name: name) else { return nil }
            options = arguments(of: command, word: word, state: state)
        }
        return candidates(options, word: word, range: wordStart..<before.count)
    }

    /// Every name the prompt accepts: the commands' own names and their aliases.
    static let commandNames: [String] = Array(Set(CanvasCommand.allCases.map(\.name) + CanvasCommand.aliases.keys)).sorted()

    private static func candidates(_ options: [(String, Bool)], word: String, range: Range<Int>) -> Candidates? {
        var seen = Set<String>()
        let matching = options
            .filter { $0.0.lowercased().hasPrefix(word.lowercased()) && seen.insert($0.0).inserted }
            .sorted { $0.0 < $1.0 }
        guard !matching.isEmpty else { return nil }
        return Candidates(range: range, words: matching.map(\.0), isFinal: matching.map(\.1))
    }

    /// The argument words of a command.
    private static func arguments(of command: CanvasCommand, word: String, state: CanvasState) -> [(String, Bool)] {
        switch command {
        case .openView, .deleteView, .saveView:
            return state.filterBar.savedViews.map { ($0.name, true) }
        case .tag, .untag:
            return state.filterBar.knownTags.map { ($0, true) }
        case .exportInvestigation:
            return CanvasReducer.exportFormats.map { ($0, true) }
        case .theme:
            return state.theme.available.map { ($0, true) }
        case .yank:
            return CanvasReducer.yankTargets.map { ($0, true) }
        case .breakdown:
            // A comma-separated tuple: complete its last part.
            let head = word.contains(",") ? String(word[...(word.lastIndex(of: ",") ?? word.startIndex)]) : ""
            return ["service", "severity", "host", "source", "source-name", "template", "attr:"].map { (head + $0, $0 != "attr:") }
        case .filter:
            return filterWords(word: word, state: state)
        default:
            return []
        }
    }

    /// Field names of the filter language, and tag names after `tag:`.
    private static func filterWords(word: String, state: CanvasState) -> [(String, Bool)] {
        let negation = word.hasPrefix("-") || word.hasPrefix("!") ? String(word.prefix(1)) : ""
        let body = word.dropFirst(negation.count)
        if body.lowercased().hasPrefix("tag:") {
            return state.filterBar.knownTags.map { (negation + "tag:" + $0, true) }
        }
        let fields = ["source:", "severity>=", "sev:", "service:", "host:", "trace:", "span:", "request:", "tag:", "investigation:", "template:", "since:", "after:", "before:", "re:"]
        let words = ["is:starred", "is:linked", "sev:debug", "sev:info", "sev:warning", "sev:error", "sev:critical"]
        return fields.map { (negation + $0, false) } + words.map { (negation + $0, true) }
    }

    /// The longest text every word starts with (case as in the first word).
    static func commonPrefix(_ words: [String]) -> String {
        guard var prefix = words.first.map(Array.init) else { return "" }
        for word in words.dropFirst() {
            let characters = Array(word)
            var length = 0
            while length < min(prefix.count, characters.count), prefix[length] == characters[length] { length += 1 }
            prefix = Array(prefix[..<length])
        }
        return String(prefix)
    }
}

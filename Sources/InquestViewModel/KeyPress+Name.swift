extension KeyPress {
    private static let namedKeys: [(String, KeyPress)] = [
        ("up", .up), ("down", .down), ("left", .left), ("right", .right),
        ("pgup", .pageUp), ("pgdn", .pageDown), ("home", .home), ("end", .end),
        ("enter", .enter), ("tab", .tab), ("shift-tab", .backTab), ("esc", .escape),
        ("backspace", .backspace), ("delete", .delete), ("insert", .insert),
        ("space", .character(" ")), ("hash", .character("#")),
    ]

    private static let synonyms: [String: KeyPress] = [
        "pageup": .pageUp, "pagedown": .pageDown, "escape": .escape, "return": .enter,
        "backtab": .backTab, "del": .delete, "bs": .backspace,
    ]

    /// The name used in keymap files and help: `j`, `G`, `ctrl-s`, `alt-x`, `shift-tab`,
    /// `pgdn`, `esc`, `space`, `hash`, `f1`.
    public var name: String {
        switch self {
        case .character(let character):
            if let named = Self.namedKeys.first(where: { $0.1 == self }) { return named.0 }
            return String(character)
        case .control(let character): return "ctrl-" + String(character)
        case .alt(let character): return "alt-" + String(character)
        case .function(let number): return "f" + String(number)
        default:
            return Self.namedKeys.first(where: { $0.1 == self })?.0 ?? "?"
        }
    }

    /// Reads a key name (case-sensitive for single characters, else case-insensitive);
    /// nil when it names no key.
    public init?(name: String) {
        if name.count == 1, let character = name.first {
            self = .character(character)
            return
        }
        let lowered = name.lowercased()
        if let named = Self.namedKeys.first(where: { $0.0 == lowered }) {
            self = named.1
            return
        }
        if let synonym = Self.synonyms[lowered] {
            self = synonym
            return
        }
        for (prefix, make) in [("ctrl-", KeyPress.control), ("c-", KeyPress.control), ("alt-", KeyPress.alt), ("m-", KeyPress.alt)] {
            guard lowered.hasPrefix(prefix) else { continue }
            let rest = name.dropFirst(prefix.count)
            guard rest.count == 1, let character = rest.first else { return nil }
            self = make(prefix.hasPrefix("c") ? Character(character.lowercased()) : character)
            return
        }
        if lowered.hasPrefix("f"), let number = Int(lowered.dropFirst()), (1...24).contains(number) {
            self = .function(number)
            return
        }
        return nil
    }
}

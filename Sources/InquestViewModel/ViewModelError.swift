/// Errors of the view-model: key map files and typed times.
public enum ViewModelError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A keymap line names a key that does not exist.
    case unknownKey(source: String, line: Int, name: String)
    /// A keymap line (or the `:` prompt) names a command that does not exist.
    case unknownCommand(source: String, line: Int, name: String)
    /// A keymap `[section]` is neither `global` nor a pane name.
    case unknownSection(source: String, line: Int, name: String)
    /// A keymap line has a key but no command.
    case missingCommand(source: String, line: Int, key: String)
    /// A jump-to-time text is not a time the canvas understands.
    case invalidTime(String)

    public var description: String {
        switch self {
        case .unknownKey(let source, let line, let name):
            "\(source):\(line): unknown key \"\(name)\" — use a character or a name like ctrl-s, alt-x, shift-tab, pgdn, esc, space, f1"
        case .unknownCommand(let source, let line, let name):
            "\(source):\(line): unknown command \"\(name)\" — see docs/keybindings.md or press ? for the command names"
        case .unknownSection(let source, let line, let name):
            "\(source):\(line): unknown section [\(name)] — use [global], [investigations], [timeline], [details], [notes], or an overlay's [help], [filter], [prompt], [editor], [form], [series]"
        case .missingCommand(let source, let line, let key):
            "\(source):\(line): key \"\(key)\" has no command — write `\(key)  command-name` (or `\(key)  none` to unbind)"
        case .invalidTime(let text):
            "cannot read the time \"\(text)\" — use 10:42, 10:42:30, -15m, +2h, 2026-11-20 or 2026-11-20T10:42Z"
        }
    }
}

/// Generates the help overlay and `docs/keybindings.md` from the command table and a keymap,
/// so neither can drift from what the keys really do.
public enum HelpGenerator {
    /// The keys bound to a command without an argument, as `j, down` with pane-only keys
    /// suffixed by their pane (`enter (investigations)`).
    public static func keys(for command: CanvasCommand, in keymap: Keymap) -> String {
        keymap.bindings
            .filter { $0.invocation.command == command && $0.invocation.argument == nil }
            .map { binding in
                switch binding.section {
                case .global: binding.key.name
                case .pane(let pane): "\(binding.key.name) (\(pane.rawValue))"
                case .overlay(let overlay): "\(binding.key.name) (\(overlay.rawValue))"
                }
            }
            .joined(separator: ", ")
    }

    /// The overlay's lines: per group a heading, then each command with its keys. Bindings
    /// that carry an argument (user keymaps) are listed after the command they run.
    public static func lines(for keymap: Keymap) -> [HelpLine] {
        var lines: [HelpLine] = []
        for group in CanvasCommand.groups {
            lines.append(.group(group))
            for command in CanvasCommand.allCases where command.group == group {
                lines.append(.command(keys: keys(for: command, in: keymap), name: command.name, help: command.help))
                for binding in keymap.bindings where binding.invocation.command == command && binding.invocation.argument != nil {
                    lines.append(.command(keys: binding.key.name, name: binding.invocation.text, help: command.help))
                }
            }
        }
        return lines
    }

    /// `docs/keybindings.md`: a Markdown table per group.
    public static func markdown(for keymap: Keymap) -> String {
        var out = """
        # Key bindings

        Generated from the command table (`Sources/InquestViewModel/CanvasCommand.swift`) and
        the default bindings (`Sources/InquestViewModel/default.keymap`) by
        `INQUEST_RECORD=1 swift test`; a test fails when this file is stale.

        Keys resolve in the focused pane's section first, then globally. Override them in
        `$XDG_CONFIG_HOME/inquest/keymap` (default `~/.config/inquest/keymap`) with lines of
        `key  command [argument]` under `[global]`, `[investigations]`, `[timeline]`,
        `[details]` or `[notes]`; `key  none` unbinds. The `:` prompt runs the same command
        names, e.g. `:filter severity>=error`, `:tag suspect`, `:jump -15m`, `:quit`.

        While an overlay is open, only its section applies: `[help]`, `[filter]` (the filter
        bar), `[prompt]` (the `:`, `@` and tag prompts), `[editor]` (the note editor),
        `[form]` (the investigation form), `[series]` (the series overlay), `[breakdown]` (the
        breakdown overlay) or `[suspects]` (the suspects overlay). Keys an overlay does not bind
        edit its text (Enter is a newline in the note editor).

        """
        for group in CanvasCommand.groups {
            out += "\n## \(group)\n\n| Keys | Command | What it does |\n|---|---|---|\n"
            for command in CanvasCommand.allCases where command.group == group {
                let keys = keys(for: command, in: keymap)
                let shown = keys.isEmpty ? "—" : keys.split(separator: ",").map { "`\($0.trimmingWhitespace)`" }.joined(separator: ", ")
                out += "| \(shown.replacingPipes) | `\(command.name)` | \(command.help.replacingPipes) |\n"
            }
        }
        return out
    }
}

extension String {
    /// The text with `|` escaped for a Markdown table cell.
    fileprivate var replacingPipes: String {
        var out = ""
        for character in self {
            if character == "|" { out += "\\|" } else { out.append(character) }
        }
        return out
    }
}

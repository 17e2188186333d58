import InquestViewModel

/// The `?` overlay: every command by group with its keys, generated from the command table.
enum HelpOverlay {
    static func draw(_ state: CanvasState, into buffer: inout CellBuffer) {
        guard let help = state.help else { return }
        let rect = OverlayGeometry.centred(width: 84, height: buffer.height - 2, in: buffer)
        buffer.fill(rect, with: Cell(grapheme: " ", role: StyleRole.base))
        buffer.box(rect, title: "Help — ESC closes, j/k scroll", role: StyleRole.overlayBorder, titleRole: StyleRole.helpTitle)
        let inner = rect.inset(by: 1)
        guard inner.width > 4, inner.height > 0 else { return }
        let keyWidth = min(24, inner.width / 3)
        let scroll = max(0, min(help.scroll, help.lines.count - inner.height))
        for row in 0..<inner.height {
            let index = scroll + row
            guard index < help.lines.count else { break }
            let y = inner.y + row
            switch help.lines[index] {
            case .group(let name):
                buffer.put(name, x: inner.x + 1, y: y, maxWidth: inner.width - 1, role: StyleRole.helpGroup)
            case .command(let keys, let name, let text):
                buffer.put(keys.isEmpty ? ":" + name : keys, x: inner.x + 2, y: y, maxWidth: keyWidth, role: StyleRole.helpKey)
                buffer.put(text, x: inner.x + 3 + keyWidth, y: y, maxWidth: inner.width - 3 - keyWidth, role: StyleRole.helpText)
            }
        }
    }
}

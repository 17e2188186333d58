import InquestText
import InquestViewModel

/// The screen drawn when the terminal is smaller than the canvas needs.
enum TooSmallScreen {
    static func draw(into buffer: inout CellBuffer, width: Int, height: Int) {
        guard width > 0, height > 0 else { return }
        let need = "need \(CanvasLayout.minimumWidth)×\(CanvasLayout.minimumHeight), have \(width)×\(height)"
        let full = "terminal too small (\(need))"
        let hint = "enlarge the window or press q to quit"
        // Wrap onto more rows rather than cut the sizes off.
        let lines = DisplayWidth.of(full) <= width ? [full, hint] : ["terminal too small", need, "q quits"]
        let y = max(0, (height - lines.count) / 2)
        for (offset, text) in lines.enumerated() where y + offset < height {
            let textWidth = min(DisplayWidth.of(text), width)
            buffer.put(text, x: max(0, (width - textWidth) / 2), y: y + offset, maxWidth: width, role: offset == lines.count - 1 ? StyleRole.dim : StyleRole.bannerWarning)
        }
    }
}

import InquestViewModel
/// Where overlays go: centred boxes that leave a margin around them.
enum OverlayGeometry {
    static func centred(width: Int, height: Int, in buffer: CellBuffer) -> Rect {
        let w = min(width, buffer.width - 2)
        let h = min(height, buffer.height - 2)
        return Rect(x: (buffer.width - w) / 2, y: (buffer.height - h) / 2, width: w, height: h)
    }
}

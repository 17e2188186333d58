import InquestCore
import InquestViewModel

/// One row of block characters: event counts per time bucket, errors highlighted, the
/// cursor's bucket marked; the zoom level at the right.
enum DensityStrip {
    static let levels: [String] = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    static func draw(_ state: CanvasState, in rect: Rect, into buffer: inout CellBuffer) {
        guard rect.width > 0 else { return }
        let density = state.density
        let buckets = density.buckets
        guard !buckets.isEmpty else {
            buffer.fill(rect, with: Cell(grapheme: "·", role: StyleRole.densityAxis))
            return
        }
        let peak = max(1, buckets.map(\.total).max() ?? 1)
        let cursorTime = state.timeline.cursorRow?.timestamp
        let cursorBucket = cursorTime.flatMap { time in bucketIndex(of: time, density: density, count: buckets.count) }
        for (index, bucket) in buckets.prefix(rect.width).enumerated() {
            let level = bucket.total == 0 ? 0 : max(1, bucket.total * 8 / peak)
            let role: StyleRole = index == cursorBucket ? StyleRole.densityCursor : (bucket.errors > 0 ? StyleRole.densityError : StyleRole.densityBar)
            let grapheme = index == cursorBucket && level == 0 ? "▏" : levels[min(level, 8)]
            buffer.put(grapheme, x: rect.x + index, y: rect.y, maxWidth: 1, role: role, truncate: false)
        }
        let label = " \(density.zoomLabel) "
        if rect.width > 20 {
            buffer.put(label, x: rect.maxX - label.count, y: rect.y, maxWidth: label.count, role: StyleRole.densityAxis)
        }
    }

    /// The time axis under the strip: round times at the columns of their buckets.
    static func drawAxis(_ state: CanvasState, in rect: Rect, into buffer: inout CellBuffer) {
        guard rect.width > 0, let from = state.density.from, let to = state.density.to, !state.density.buckets.isEmpty else { return }
        let axis = TimeAxis(from: from, to: to, columns: state.density.buckets.count, mode: state.timeline.timeMode, offsetSeconds: state.localOffsetSeconds)
        for tick in axis.ticks {
            buffer.put(tick.label, x: rect.x + tick.column, y: rect.y, maxWidth: rect.width - tick.column, role: StyleRole.densityAxis, truncate: false)
        }
    }

    static func bucketIndex(of time: Timestamp, density: DensityState, count: Int) -> Int? {
        guard let from = density.from, let to = density.to, to > from, count > 0, density.covers(time) else { return nil }
        // In Double: a range from 1700 to 2026 is wider than Int64 nanoseconds reach.
        let span = Double(to.nanoseconds) - Double(from.nanoseconds)
        let offset = Double(time.nanoseconds) - Double(from.nanoseconds)
        let index = (offset / span * Double(count)).rounded(.down)
        guard index.isFinite else { return nil }
        return Int(min(Double(count - 1), max(0, index)))
    }
}

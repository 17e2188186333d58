import InquestCore
import InquestViewModel

/// The `:notify` overlay: the notification subscriptions that can deliver the selected
/// investigation's changes — on or off for it, channel, target (without tokens), events, owner.
/// Every stored value goes through ``CellBuffer/put(_:x:y:maxWidth:role:truncate:)``, which
/// sanitises it.
enum NotifyOverlay {
    static func draw(_ state: CanvasState, into buffer: inout CellBuffer) {
        guard let overlay = state.notifyOverlay else { return }
        let rect = OverlayGeometry.centred(width: 100, height: min(buffer.height - 2, 16), in: buffer)
        buffer.fill(rect, with: Cell(grapheme: " ", role: StyleRole.base))
        buffer.box(rect, title: "Notifications — \(overlay.title) — Space toggles, ESC closes", role: StyleRole.overlayBorder, titleRole: StyleRole.helpTitle)
        let inner = rect.inset(by: 1)
        guard inner.width > 8, inner.height > 0 else { return }
        guard let subscriptions = overlay.subscriptions else {
            buffer.put("Loading…", x: inner.x + 1, y: inner.y, maxWidth: inner.width - 1, role: StyleRole.dim)
            return
        }
        guard !subscriptions.isEmpty else {
            buffer.put("No subscriptions: inquest notify add webhook URL --secret S | email ADDRESS --smtp HOST:PORT", x: inner.x + 1, y: inner.y, maxWidth: inner.width - 1, role: StyleRole.dim)
            return
        }
        let top = max(0, min(overlay.selected - inner.height + 1, subscriptions.count - inner.height))
        for row in 0..<inner.height {
            let index = top + row
            guard index < subscriptions.count else { break }
            let subscription = subscriptions[index]
            let selected = index == overlay.selected
            let on = subscription.delivers(investigationID: overlay.investigationID)
            var column = inner.x + 1
            let end = inner.x + inner.width
            column += buffer.put(selected ? "›" : " ", x: column, y: inner.y + row, maxWidth: 1, role: StyleRole.helpKey) + 1
            column += buffer.put(on ? "[on] " : "[off]", x: column, y: inner.y + row, maxWidth: 5, role: on ? StyleRole.helpKey : StyleRole.dim) + 1
            column += buffer.put(subscription.channel.kind, x: column, y: inner.y + row, maxWidth: 8, role: StyleRole.helpGroup) + 1
            let scope = subscription.investigationID == nil ? "all" : "this"
            let text = "\(subscription.channel.displayTarget)  \(subscription.kindList)  (\(scope), \(subscription.owner))"
            buffer.put(text, x: column, y: inner.y + row, maxWidth: max(0, end - column), role: selected ? StyleRole.helpText : StyleRole.base)
        }
    }
}

import InquestText
import InquestViewModel

/// The investigation form: one row per field, the focused one highlighted, choices shown
/// as `‹ value ›`, the refusal reason (if any) and the keys.
enum InvestigationFormOverlay {
    static func draw(_ state: CanvasState, into buffer: inout CellBuffer) {
        guard let form = state.form else { return }
        let fields = InvestigationFormState.Field.allCases
        let rect = OverlayGeometry.centred(width: 64, height: fields.count + 5, in: buffer)
        buffer.fill(rect, with: Cell(grapheme: " ", role: StyleRole.base))
        buffer.box(rect, title: form.investigationID == nil ? "New investigation" : "Edit investigation", role: StyleRole.overlayBorder, titleRole: StyleRole.helpTitle)
        let inner = rect.inset(by: 1)
        guard inner.width > 14, inner.height > 0 else { return }
        let labelWidth = 12
        let fieldX = inner.x + 1 + labelWidth
        let fieldWidth = inner.maxX - fieldX - 1
        for (index, field) in fields.enumerated() where index < inner.height {
            let y = inner.y + index
            let focused = field == form.focused
            buffer.put(field.label, x: inner.x + 1, y: y, maxWidth: labelWidth, role: StyleRole.formLabel)
            let role = focused ? StyleRole.formFieldFocused : StyleRole.formField
            buffer.fill(Rect(x: fieldX, y: y, width: fieldWidth, height: 1), with: Cell(grapheme: " ", role: role))
            let text = field.isChoice ? "‹ \(form.text(of: field)) ›" : form.text(of: field)
            buffer.put(text, x: fieldX, y: y, maxWidth: fieldWidth, role: role)
            if focused, let caret = form.caret(of: field) {
                let prefix = String(form.text(of: field).prefix(caret))
                let caretX = fieldX + DisplayWidth.of(TextSanitizer.singleLine(prefix))
                if caretX < fieldX + fieldWidth {
                    buffer.setRole(StyleRole.editorCursor, in: Rect(x: caretX, y: y, width: 1, height: 1))
                }
            }
        }
        let footerY = inner.y + fields.count + 1
        if let error = form.error, footerY - 1 < inner.maxY {
            buffer.put(error, x: inner.x + 1, y: footerY - 1, maxWidth: inner.width - 1, role: StyleRole.filterbarError)
        }
        if footerY < inner.maxY {
            buffer.put("Tab next · ←/→ choose · Enter save · ESC cancel", x: inner.x + 1, y: footerY, maxWidth: inner.width - 1, role: StyleRole.dim)
        }
    }
}

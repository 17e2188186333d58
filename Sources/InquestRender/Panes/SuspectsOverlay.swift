import InquestCore
import InquestText
import InquestViewModel

/// The suspects overlay: services ranked best first with their score, each followed by its
/// evidence rows (kind and summary with the numbers). The selected evidence row is
/// highlighted and its filter — what Enter applies — is shown on the last line.
enum SuspectsOverlay {
    static func draw(_ state: CanvasState, into buffer: inout CellBuffer) {
        guard let overlay = state.suspectsOverlay else { return }
        let lines = overlay.lines
        let rect = OverlayGeometry.centred(width: buffer.width - 4, height: max(lines.count, 2) + 4, in: buffer)
        buffer.fill(rect, with: Cell(grapheme: " ", role: StyleRole.base))
        buffer.box(rect, title: title(overlay), role: StyleRole.overlayBorder, titleRole: StyleRole.helpTitle)
        let inner = rect.inset(by: 1)
        guard inner.width > 4, inner.height > 0 else { return }
        let x = inner.x + 1
        let width = inner.width - 1
        if let failure = overlay.failure {
            buffer.put(failure, x: x, y: inner.y, maxWidth: width, role: StyleRole.statusbarError)
            return
        }
        guard overlay.suspects != nil else {
            let at = overlay.requestedTime.map { "at " + clock($0) } ?? "at the start of the latest error burst"
            buffer.put("ranking… " + at, x: x, y: inner.y, maxWidth: width, role: StyleRole.dim)
            return
        }
        guard !lines.isEmpty else {
            buffer.put("No suspects: no service's logs, spans, metrics or changes left their baseline.", x: x, y: inner.y, maxWidth: width, role: StyleRole.helpText)
            buffer.put("Select an event at the incident's start (e / E move between errors) and press S again.", x: x, y: inner.y + 1, maxWidth: width, role: StyleRole.dim)
            return
        }
        // The last row shows the selected evidence's filter.
        let visible = max(1, inner.height - 1)
        let selectedLine = overlay.selectedLineIndex
        let scroll = max(0, min(selectedLine - visible / 2, lines.count - visible))
        for row in 0..<visible {
            let index = scroll + row
            guard index < lines.count else { break }
            drawLine(lines[index], selected: overlay.selected, x: x, y: inner.y + row, width: width, into: &buffer)
        }
        if let (_, evidence) = overlay.selectedEvidence {
            let filter = evidence.filter.text.isEmpty ? "(every event)" : evidence.filter.text
            buffer.put("Enter filters: " + filter, x: x, y: inner.maxY - 1, maxWidth: width, role: StyleRole.dim)
        }
    }

    private static func drawLine(_ line: SuspectsOverlayState.Line, selected: Int, x: Int, y: Int, width: Int, into buffer: inout CellBuffer) {
        switch line {
        case .suspect(let rank, let suspect):
            let score = "score " + decimal(suspect.score)
            let scoreWidth = DisplayWidth.of(score)
            let head = rank < 10 ? " \(rank). " : "\(rank). "
            let used = buffer.put(head, x: x, y: y, maxWidth: width, role: StyleRole.helpGroup)
            buffer.put(suspect.service, x: x + used, y: y, maxWidth: max(0, width - used - scoreWidth - 1), role: StyleRole.helpGroup)
            if width > used + scoreWidth + 1 {
                buffer.put(score, x: x + width - scoreWidth, y: y, maxWidth: scoreWidth, role: StyleRole.helpKey)
            }
        case .evidence(let ordinal, _, let evidence):
            let role = ordinal == selected ? StyleRole.selection : StyleRole.helpText
            if ordinal == selected {
                buffer.fill(Rect(x: x, y: y, width: width, height: 1), with: Cell(grapheme: " ", role: role))
            }
            let label = "    " + kindLabel(evidence.kind).padded(to: 8)
            let used = buffer.put(label, x: x, y: y, maxWidth: width, role: ordinal == selected ? role : StyleRole.helpKey)
            buffer.put(evidence.summary, x: x + used, y: y, maxWidth: max(0, width - used), role: role)
        }
    }

    private static func title(_ overlay: SuspectsOverlayState) -> String {
        let at = overlay.time.map { " at " + clock($0) } ?? ""
        return "Suspects\(at) — j/k evidence, Enter filters, l links, ESC closes"
    }

    /// The time as the `--at` of `inquest suspects` takes it (UTC, to the second).
    static func clock(_ time: Timestamp) -> String {
        TimestampFormatter.iso8601UTC(time, fractionDigits: 0)
    }

    private static func kindLabel(_ kind: SuspectEvidence.Kind) -> String {
        switch kind {
        case .logTemplate: "logs"
        case .spans: "spans"
        case .calls: "calls"
        case .metric: "metric"
        case .change: "change"
        }
    }

    /// Two decimals, without Foundation.
    static func decimal(_ value: Double) -> String {
        guard value.isFinite else { return "?" }
        let hundredths = Int((abs(value) * 100).rounded())
        let sign = value < 0 && hundredths > 0 ? "-" : ""
        let fraction = hundredths % 100
        return "\(sign)\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}

private extension String {
    /// The string followed by spaces up to `width` columns (unchanged when already as wide).
    func padded(to width: Int) -> String {
        let missing = width - DisplayWidth.of(self)
        return missing > 0 ? self + String(repeating: " ", count: missing) : self
    }
}

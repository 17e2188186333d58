import CNcursesw
import InquestRender

/// Curses attributes and colour pair for one role.
struct CursesStyle {
    let attributes: attr_t
    let pair: Int16
}

extension NcursesTerminal {
    /// Draws `buffer` (normally of ``size``), writing only the cells that differ from the frame
    /// drawn last, then refreshes. A new theme, a new size or taking the terminal back from another program repaints everything.
    /// Cells beyond the screen edge are not drawn.
    public func draw(_ buffer: CellBuffer, theme: Theme) {
        guard isStarted, let window else { return }
        if lastTheme != theme {
            lastTheme = theme
            preparedTheme = colorCount == 0 ? theme.withoutColor() : theme
            styleCache = [:]
            previous = nil
        }
        let (columns, rows) = size
        if previous == nil || previous?.width != buffer.width || previous?.height != buffer.height {
            werase(window)
            previous = nil
        }
        for run in BufferDiff.runs(from: previous, to: buffer) where run.y < rows && run.x < columns {
            let style = cursesStyle(for: run.role)
            wattr_set(window, style.attributes, style.pair, nil)
            let chunks = TerminalText.chunks(run.text) { Int(wcwidth(wchar_t(bitPattern: $0))) }
            for chunk in chunks {
                let x = run.x + chunk.offset
                guard x < columns else { break }
                let scalars = Self.clip(chunk.scalars.map { wchar_t(bitPattern: $0) }, toColumns: columns - x)
                guard !scalars.isEmpty else { continue }
                wmove(window, Int32(run.y), Int32(x))
                scalars.withUnsafeBufferPointer { pointer in
                    if let base = pointer.baseAddress { _ = waddnwstr(window, base, Int32(pointer.count)) }
                }
            }
        }
        wattr_set(window, inquest_a_normal(), 0, nil)
        wnoutrefresh(window)
        doupdate()
        previous = buffer
    }

    /// The attributes and pair for `role`, allocating a colour pair the first time a colour
    /// combination is used; when pairs run out the role keeps its attributes in default colours.
    func cursesStyle(for role: StyleRole) -> CursesStyle {
        if let cached = styleCache[role] { return cached }
        let resolved = (preparedTheme ?? lastTheme)?.style(for: role).downgraded(to: colorCount) ?? .plain
        var attributes = inquest_a_normal()
        if resolved.bold { attributes |= inquest_a_bold() }
        if resolved.underline { attributes |= inquest_a_underline() }
        if resolved.reverse { attributes |= inquest_a_reverse() }
        if resolved.dim { attributes |= inquest_a_dim() }
        var pair: Int16 = 0
        if colorCount > 0 {
            var foreground = resolved.fg.cursesIndex
            var background = resolved.bg.cursesIndex
            if !defaultColorsAvailable {
                if foreground < 0 { foreground = Int(COLOR_WHITE) }
                if background < 0 { background = Int(COLOR_BLACK) }
            }
            switch pairs.pair(foreground: foreground, background: background) {
            case .existing(let number):
                pair = Int16(number)
            case .new(let number):
                pair = init_pair(Int16(number), Int16(foreground), Int16(background)) == OK ? Int16(number) : 0
            case .exhausted:
                pair = 0
            }
        }
        let style = CursesStyle(attributes: attributes, pair: pair)
        styleCache[role] = style
        return style
    }

    /// Drops trailing scalars so the text takes at most `columns` (curses wraps past the edge).
    static func clip(_ scalars: [wchar_t], toColumns columns: Int) -> [wchar_t] {
        var used = 0
        for (index, scalar) in scalars.enumerated() {
            used += max(0, Int(wcwidth(scalar)))
            if used > columns { return Array(scalars[..<index]) }
        }
        return scalars
    }
}

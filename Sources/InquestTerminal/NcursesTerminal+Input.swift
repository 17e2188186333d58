import CNcursesw
import InquestViewModel

extension NcursesTerminal {
    /// How long to wait for the rest of a paste-start marker once ESC `[` arrived (milliseconds).
    static let markerDelayMilliseconds: Int32 = 25
    /// A paste whose end marker does not arrive within this long of its last character is
    /// delivered as it is.
    static let pasteSilence = Duration.seconds(1)

    /// Waits up to `timeoutMilliseconds` (nil: until something happens) for input.
    ///
    /// Returns a decoded key, a paste (see ``KeySequenceDecoder``), a resize (curses has already
    /// updated ``size``), ``TerminalInput/interrupted`` once SIGINT/SIGTERM/SIGHUP arrived, or nil
    /// on timeout. An ESC followed at once by a printable character (sent together by Alt-x) is
    /// `.alt(x)`; a lone ESC is `.escape` after the 25 ms ESC delay. Input that decodes to no key
    /// is skipped. A paste is returned once its end marker arrived, however many calls that
    /// takes. Waits in slices of at most 100 ms so a signal is noticed promptly.
    public func readKey(timeoutMilliseconds: Int?) -> TerminalInput? {
        if SignalTrap.pending != nil { return .interrupted }
        if !pendingInputs.isEmpty { return pendingInputs.removeFirst() }
        guard isStarted, let window else { return nil }
        let clock = ContinuousClock()
        let deadline = timeoutMilliseconds.map { clock.now.advanced(by: .milliseconds(max(0, $0))) }
        while true {
            var slice: Int32 = 100
            if let deadline {
                let remaining = clock.now.duration(to: deadline)
                let milliseconds = remaining.components.seconds * 1000 + remaining.components.attoseconds / 1_000_000_000_000_000
                slice = Int32(max(0, min(100, milliseconds)))
            }
            // After an ESC, what follows is already there (curses waited the ESC delay) unless
            // it is a paste marker still arriving.
            if decoder.isAfterEscape { slice = decoder.isInPasteStart ? Self.markerDelayMilliseconds : 0 }
            wtimeout(window, slice)
            var character: wint_t = 0
            let result = wget_wch(window, &character)
            if SignalTrap.pending != nil { return .interrupted }
            if result == ERR {
                if decoder.isAfterEscape || pasteWentSilent(clock: clock) {
                    pendingInputs += decoder.flush()
                    if !pendingInputs.isEmpty { return pendingInputs.removeFirst() }
                }
                if let deadline, clock.now >= deadline { return nil }
                continue
            }
            let isKeyCode = result == KEY_CODE_YES
            if isKeyCode && Int32(bitPattern: character) == KEY_RESIZE {
                previous = nil
                // A pending ESC stands alone; a paste in progress goes on after the resize.
                if decoder.isAfterEscape { pendingInputs += decoder.flush() }
                let (width, height) = size
                pendingInputs.append(.resize(width: width, height: height))
                return pendingInputs.removeFirst()
            }
            pendingInputs += decoder.feed(isKeyCode ? .keyCode(Int32(bitPattern: character)) : .character(UInt32(character)))
            lastPasteInput = decoder.isPasting ? clock.now : nil
            if !pendingInputs.isEmpty { return pendingInputs.removeFirst() }
        }
    }

    /// True when a paste is open and nothing arrived for ``pasteSilence``.
    private func pasteWentSilent(clock: ContinuousClock) -> Bool {
        guard decoder.isPasting, let lastPasteInput else { return false }
        return lastPasteInput.duration(to: clock.now) >= Self.pasteSilence
    }
}

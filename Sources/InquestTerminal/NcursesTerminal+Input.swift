import CNcursesw
import InquestViewModel

extension NcursesTerminal {
    /// Waits up to `timeoutMilliseconds` (nil: until something happens) for input.
    ///
    /// Returns a decoded key, a resize (curses has already updated ``size``), ``TerminalInput/interrupted``
    /// once SIGINT/SIGTERM/SIGHUP arrived, or nil on timeout. An ESC followed at once by a
    /// printable character (sent together by Alt-x) is `.alt(x)`; a lone ESC is `.escape` after
    /// the 25 ms ESC delay. Input that decodes to no key is skipped. Waits in slices of at most
    /// 100 ms so a signal is noticed promptly.
    public func readKey(timeoutMilliseconds: Int?) -> TerminalInput? {
        if SignalTrap.pending != nil { return .interrupted }
        if !pendingKeys.isEmpty { return .key(pendingKeys.removeFirst()) }
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
            wtimeout(window, slice)
            var character: wint_t = 0
            let result = wget_wch(window, &character)
            if SignalTrap.pending != nil { return .interrupted }
            if result == ERR {
                if let deadline, clock.now >= deadline { return nil }
                continue
            }
            let isKeyCode = result == KEY_CODE_YES
            if isKeyCode && Int32(bitPattern: character) == KEY_RESIZE {
                previous = nil
                let (width, height) = size
                return .resize(width: width, height: height)
            }
            guard let key = KeyDecoder.decode(UInt32(character), isKeyCode: isKeyCode) else { continue }
            if key == .escape && !isKeyCode {
                let keys = KeyDecoder.combineEscape(with: readWithoutWaiting(window))
                pendingKeys.append(contentsOf: keys.dropFirst())
                return keys.first.map { .key($0) }
            }
            return .key(key)
        }
    }

    /// The next key if one is already waiting, else nil.
    private func readWithoutWaiting(_ window: UnsafeMutablePointer<WINDOW>) -> KeyPress? {
        wtimeout(window, 0)
        var character: wint_t = 0
        let result = wget_wch(window, &character)
        guard result != ERR else { return nil }
        let isKeyCode = result == KEY_CODE_YES
        if isKeyCode && Int32(bitPattern: character) == KEY_RESIZE {
            // Keep the resize for the next read.
            ungetch(KEY_RESIZE)
            return nil
        }
        return KeyDecoder.decode(UInt32(character), isKeyCode: isKeyCode)
    }
}

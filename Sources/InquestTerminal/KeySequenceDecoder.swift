import InquestViewModel

/// Turns the stream of `wget_wch` results into ``TerminalInput``: keys (through ``KeyDecoder``),
/// ESC followed by a character (Alt), and bracketed pastes.
///
/// While bracketed paste mode is on (``NcursesTerminal/start()`` sets it) the terminal wraps
/// pasted text in `ESC [ 200 ~` … `ESC [ 201 ~`. curses knows neither marker and hands them
/// over character by character; everything between them becomes one
/// ``TerminalInput/pasted(_:)`` of ``PastedText/sanitized(_:)`` text, however many reads it takes
/// to arrive, so a paste is one edit instead of one key (and one frame) per character, and
/// pasted text is never taken as commands.
///
/// Pure and fed one read at a time: the backend calls ``feed(_:)`` for each `wget_wch` result
/// and ``flush()`` when nothing more arrived in time (see ``isAfterEscape``).
public struct KeySequenceDecoder: Sendable {
    /// One `wget_wch` result.
    public enum Read: Sendable, Hashable {
        /// A character (`OK`).
        case character(UInt32)
        /// A function-key code (`KEY_CODE_YES`), e.g. `KEY_UP`.
        case keyCode(Int32)
    }

    enum State: Sendable, Hashable {
        case ground
        /// After an ESC, with how many characters of `[200~` followed it so far.
        case escape(matched: Int)
        /// Inside a paste.
        case pasting
    }

    /// What follows ESC to start a paste.
    static let pasteStart: [UInt32] = "[200~".unicodeScalars.map(\.value)
    /// What ends a paste.
    static let pasteEnd: [UInt32] = "\u{1B}[201~".unicodeScalars.map(\.value)
    /// A paste keeps at most this many characters (Unicode scalars); the rest up to its end
    /// marker is read and dropped.
    public static let pasteLimit = 1 << 20

    private(set) var state = State.ground
    private var pasted = String.UnicodeScalarView()
    private var pastedCount = 0
    /// How many characters of ``pasteEnd`` the paste ends with so far.
    private var endMatched = 0

    public init() {}

    /// True after an ESC whose meaning depends on what comes next: read on without waiting (or,
    /// with ``isInPasteStart``, for the ESC delay), and ``flush()`` when nothing comes.
    public var isAfterEscape: Bool {
        if case .escape = state { return true }
        return false
    }

    /// True when the ESC was followed by the beginning of the paste-start marker: the rest is
    /// worth waiting for.
    public var isInPasteStart: Bool {
        if case .escape(let matched) = state { return matched > 0 }
        return false
    }

    /// True between a paste's start and end markers.
    public var isPasting: Bool { state == .pasting }

    /// Takes one read; returns what it completes (often nothing while a sequence is open).
    public mutating func feed(_ read: Read) -> [TerminalInput] {
        switch state {
        case .ground:
            return ground(read)
        case .escape(let matched):
            if case .character(let value) = read, value == Self.pasteStart[matched] {
                if matched + 1 < Self.pasteStart.count {
                    state = .escape(matched: matched + 1)
                } else {
                    state = .pasting
                    pasted = String.UnicodeScalarView()
                    pastedCount = 0
                    endMatched = 0
                }
                return []
            }
            if matched == 0 {
                state = .ground
                return KeyDecoder.combineEscape(with: Self.key(read)).map { .key($0) }
            }
            return flush() + ground(read)
        case .pasting:
            return paste(read)
        }
    }

    /// Nothing more arrived: an ESC stands alone (or with the characters that followed it, as
    /// keys), and a paste whose end marker never came is delivered as it is.
    public mutating func flush() -> [TerminalInput] {
        switch state {
        case .ground:
            return []
        case .escape(let matched):
            state = .ground
            guard matched > 0 else { return [.key(.escape)] }
            let following = Self.pasteStart[1..<matched].compactMap { KeyDecoder.decodeCharacter($0) }
            return (KeyDecoder.combineEscape(with: KeyDecoder.decodeCharacter(Self.pasteStart[0])) + following).map { .key($0) }
        case .pasting:
            appendMatchedEnd()
            return finishPaste()
        }
    }

    private mutating func ground(_ read: Read) -> [TerminalInput] {
        if read == .character(27) {
            state = .escape(matched: 0)
            return []
        }
        return Self.key(read).map { [.key($0)] } ?? []
    }

    private mutating func paste(_ read: Read) -> [TerminalInput] {
        let value: UInt32
        switch read {
        case .character(let character):
            value = character
        case .keyCode(let code):
            // curses may still decode a key inside the paste; only Enter means text (a line break).
            appendMatchedEnd()
            if KeyDecoder.decodeKeyCode(code) == .enter { append(0x0D) }
            return []
        }
        if value == Self.pasteEnd[endMatched] {
            endMatched += 1
            return endMatched == Self.pasteEnd.count ? finishPaste() : []
        }
        appendMatchedEnd()
        if value == Self.pasteEnd[0] {
            endMatched = 1
        } else {
            append(value)
        }
        return []
    }

    /// The part of the end marker matched so far turned out to be text.
    private mutating func appendMatchedEnd() {
        for value in Self.pasteEnd[..<endMatched] { append(value) }
        endMatched = 0
    }

    private mutating func append(_ value: UInt32) {
        guard pastedCount < Self.pasteLimit, let scalar = Unicode.Scalar(value) else { return }
        pasted.append(scalar)
        pastedCount += 1
    }

    private mutating func finishPaste() -> [TerminalInput] {
        state = .ground
        let text = PastedText.sanitized(String(pasted))
        pasted = String.UnicodeScalarView()
        pastedCount = 0
        endMatched = 0
        return text.isEmpty ? [] : [.pasted(text)]
    }

    private static func key(_ read: Read) -> KeyPress? {
        switch read {
        case .character(let value): KeyDecoder.decodeCharacter(value)
        case .keyCode(let code): KeyDecoder.decodeKeyCode(code)
        }
    }
}

import InquestViewModel

/// Turns the stream of `wget_wch` results into ``TerminalInput``: keys (through ``KeyDecoder``),
/// ESC followed by a character (Alt), bracketed pastes, and mouse reports.
///
/// Mouse reports come in xterm's SGR encoding (mode 1006, which ``MouseReportingMode`` asks
/// for): `ESC [ < button ; column ; row M` for a press, `m` for a release, 1-based cells. curses
/// knows no such key and hands it over character by character, as it does the paste markers;
/// this keeps the mouse independent of the terminfo entry (whose `kmous` often names the older
/// three-byte encoding, which cannot reach columns past 223 and which curses reads with a
/// blocking read). A press of buttons 1-3 or a wheel notch becomes ``TerminalInput/mouse(_:)``;
/// releases, motion and other buttons are dropped; a malformed report is given back as keys.
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
        /// After `ESC [ <`: the parameters of a mouse report read so far.
        case mouseReport([UInt32])
    }

    /// What follows ESC to start an SGR mouse report.
    static let mouseReportStart: [UInt32] = "[<".unicodeScalars.map(\.value)
    /// A mouse report longer than this is not one (three numbers of at most 5 digits and two `;`).
    static let mouseReportLimit = 17

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
        switch state {
        case .escape, .mouseReport: true
        case .ground, .pasting: false
        }
    }

    /// True when the ESC was followed by the beginning of the paste-start marker: the rest is
    /// worth waiting for.
    public var isInPasteStart: Bool {
        switch state {
        case .escape(let matched): matched > 0
        case .mouseReport: true
        case .ground, .pasting: false
        }
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
            if matched == 1, read == .character(Self.mouseReportStart[1]) {
                state = .mouseReport([])
                return []
            }
            if matched == 0 {
                state = .ground
                return KeyDecoder.combineEscape(with: Self.key(read)).map { .key($0) }
            }
            return flush() + ground(read)
        case .pasting:
            return paste(read)
        case .mouseReport(let parameters):
            return mouseReport(parameters, read)
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
        case .mouseReport(let parameters):
            state = .ground
            return Self.abandoned(parameters)
        }
    }

    /// One more character of a mouse report: digits and `;` gather, `M` or `m` ends it.
    private mutating func mouseReport(_ parameters: [UInt32], _ read: Read) -> [TerminalInput] {
        guard case .character(let value) = read else {
            state = .ground
            return Self.abandoned(parameters) + ground(read)
        }
        let isParameter = (0x30...0x39).contains(value) || value == 0x3B
        if isParameter && parameters.count < Self.mouseReportLimit {
            state = .mouseReport(parameters + [value])
            return []
        }
        state = .ground
        guard value == 0x4D || value == 0x6D, let numbers = Self.numbers(parameters) else {
            return Self.abandoned(parameters) + ground(read)
        }
        // A release (`m`) selects nothing: the press already did.
        guard value == 0x4D, let event = Self.mouseEvent(numbers) else { return [] }
        return [.mouse(event)]
    }

    /// The three numbers of a report's parameters, or nil when they are not three numbers.
    private static func numbers(_ parameters: [UInt32]) -> [Int]? {
        let text = String(String.UnicodeScalarView(parameters.compactMap(Unicode.Scalar.init)))
        let fields = text.split(separator: ";", omittingEmptySubsequences: false)
        guard fields.count == 3 else { return nil }
        let numbers = fields.compactMap { Int($0) }
        return numbers.count == 3 ? numbers : nil
    }

    /// A press of buttons 1-3 or a wheel notch (modifier bits ignored; motion dropped), at
    /// 0-based cells.
    static func mouseEvent(_ numbers: [Int]) -> MouseEvent? {
        let code = numbers[0]
        guard code & 32 == 0, numbers[1] >= 1, numbers[2] >= 1 else { return nil }
        let button: MouseEvent.Button
        switch code & ~0b11100 {
        case 0: button = .left
        case 1: button = .middle
        case 2: button = .right
        case 64: button = .wheelUp
        case 65: button = .wheelDown
        default: return nil
        }
        return MouseEvent(button, x: numbers[1] - 1, y: numbers[2] - 1)
    }

    /// A report that turned out not to be one: its characters as the keys they are.
    private static func abandoned(_ parameters: [UInt32]) -> [TerminalInput] {
        let start = KeyDecoder.combineEscape(with: KeyDecoder.decodeCharacter(mouseReportStart[0]))
        let rest = ([mouseReportStart[1]] + parameters).compactMap { KeyDecoder.decodeCharacter($0) }
        return (start + rest).map { .key($0) }
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

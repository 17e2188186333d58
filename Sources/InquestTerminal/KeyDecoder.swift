import CNcursesw
import InquestViewModel

/// Turns what `wget_wch` returns into ``KeyPress`` values: a pure table, tested without a terminal.
public enum KeyDecoder {
    /// Decodes one `wget_wch` result. `isKeyCode` is true when `wget_wch` returned `KEY_CODE_YES`
    /// (a function-key code such as `KEY_UP`), false for a character.
    ///
    /// Characters: tab (9) → `.tab`; CR/LF (13, 10) → `.enter`; DEL (127) and BS (8) → `.backspace`;
    /// ESC (27) → `.escape` (the caller combines it with a following key, see
    /// ``combineEscape(with:)``); other codes 1–26 → `.control("a"...)`; printable scalars →
    /// `.character`. Key codes: arrows, page up/down, home/end, back-tab, delete, insert,
    /// backspace, enter and F1–F63. Returns nil for anything else (including `KEY_RESIZE`, which the
    /// backend reports as a resize, NUL, the remaining C0/C1 controls and unknown key codes).
    public static func decode(_ value: UInt32, isKeyCode: Bool) -> KeyPress? {
        isKeyCode ? decodeKeyCode(Int32(bitPattern: value)) : decodeCharacter(value)
    }

    /// What an ESC followed by `next` (read without waiting, `nil` when nothing followed) means:
    /// a printable character makes it Alt-character; otherwise the ESC stands alone and the next
    /// key, if any, follows it.
    public static func combineEscape(with next: KeyPress?) -> [KeyPress] {
        switch next {
        case .none: [.escape]
        case .character(let character)?: [.alt(character)]
        case let other?: [.escape, other]
        }
    }

    static func decodeCharacter(_ value: UInt32) -> KeyPress? {
        switch value {
        case 9: return .tab
        case 10, 13: return .enter
        case 8, 127: return .backspace
        case 27: return .escape
        case 1...26:
            guard let letter = Unicode.Scalar(value + 96) else { return nil }
            return .control(Character(letter))
        case 0..<32, 0x80..<0xA0:
            return nil
        default:
            guard let scalar = Unicode.Scalar(value) else { return nil }
            return .character(Character(scalar))
        }
    }

    static func decodeKeyCode(_ code: Int32) -> KeyPress? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_BTAB: return .backTab
        case KEY_DC: return .delete
        case KEY_IC: return .insert
        case KEY_BACKSPACE: return .backspace
        case KEY_ENTER: return .enter
        case (KEY_F0 + 1)...(KEY_F0 + 63): return .function(Int(code - KEY_F0))
        default: return nil
        }
    }
}

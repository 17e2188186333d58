/// A key as the view-model sees it, decoded by the terminal backend.
///
/// Keymap files and the help overlay use ``name`` (`j`, `ctrl-s`, `alt-x`, `shift-tab`,
/// `pgdn`, `f1`...), so a binding is data, not code.
public enum KeyPress: Sendable, Hashable {
    case character(Character)
    case control(Character)        // ctrl-a ... ctrl-z, stored lower-case
    case alt(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, tab, backTab, escape, backspace, delete, insert
    case function(Int)
}

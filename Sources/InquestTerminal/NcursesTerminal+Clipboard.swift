#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

extension NcursesTerminal {
    /// The most bytes one copy sends: terminals and tmux drop larger OSC 52 payloads.
    public static let clipboardLimit = 74_994

    /// Puts `text` on the system clipboard with OSC 52 (`ESC ] 52 ; c ; BASE64 BEL`), which the
    /// terminal handles, so it works over SSH and inside tmux (with `set-clipboard on`). The
    /// payload is base64: nothing in `text` can reach the terminal as a sequence.
    /// - Returns: false when the text is over ``clipboardLimit`` bytes (nothing is sent).
    @discardableResult
    public func copyToClipboard(_ text: String) -> Bool {
        let bytes = Data(text.utf8)
        guard bytes.count <= Self.clipboardLimit else { return false }
        let sequence = Array(("\u{1B}]52;c;" + bytes.base64EncodedString() + "\u{07}").utf8)
        var offset = 0
        while offset < sequence.count {
            let written = sequence.withUnsafeBufferPointer { buffer in
                write(STDOUT_FILENO, buffer.baseAddress.map { $0 + offset }, sequence.count - offset)
            }
            if written <= 0 { break }
            offset += written
        }
        return true
    }
}

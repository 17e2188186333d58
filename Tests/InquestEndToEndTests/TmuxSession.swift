import Foundation
import InquestTmux
import Testing

/// A private tmux server running one command, for driving the canvas like a user.
///
/// Uses its own socket (`-L`) and no user config; `remain-on-exit` keeps the pane so the
/// exit status and last screen can be read after the program quits.
struct TmuxFailure: Error, CustomStringConvertible {
    let description: String
}

/// Declares a test or suite that drives the canvas in tmux: reported as skipped where tmux is not
/// installed (CI installs it).
let needsTmux = Testing.ConditionTrait.enabled(if: Tmux.isInstalled, "tmux not installed (apt-get install tmux); CI installs it")

final class TmuxSession {
    let socket: String
    private(set) var isRunning = false

    init(command: [String], width: Int = 120, height: Int = 40, environment: [String: String] = [:]) throws {
        socket = "inquest-e2e-\(UUID().uuidString.prefix(8))"
        var arguments = ["-L", socket, "-f", "/dev/null", "new-session", "-d", "-s", "t", "-x", String(width), "-y", String(height)]
        var env = ["LANG": "C.UTF-8"]
        for (key, value) in environment { env[key] = value }
        for (key, value) in env.sorted(by: { $0.key < $1.key }) { arguments += ["-e", "\(key)=\(value)"] }
        arguments += [command.map(Self.shellQuote).joined(separator: " ")]
        arguments += [";", "set-option", "-t", "t", "remain-on-exit", "on"]
        // The server daemonizes from this client: give it no pipe it could keep open.
        try tmux(arguments, captureOutput: false)
        isRunning = true
    }

    deinit {
        _ = try? tmux(["-L", socket, "kill-server"], captureOutput: false)
    }

    static func shellQuote(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// Runs tmux through the shared runner (see ``Tmux``).
    @discardableResult
    private func tmux(_ arguments: [String], captureOutput: Bool = true) throws -> String {
        do {
            return try Tmux.run(arguments, captureOutput: captureOutput)
        } catch {
            throw TmuxFailure(description: error.description)
        }
    }

    /// Key names as tmux knows them: `Down`, `PageDown`, `Escape`, `Enter`, `C-s`, `Tab`, `BTab`.
    func send(_ keys: String...) throws {
        try tmux(["-L", socket, "send-keys", "-t", "t"] + keys)
    }

    /// Literal text, typed as is.
    func type(_ text: String) throws {
        try tmux(["-L", socket, "send-keys", "-t", "t", "-l", text])
    }

    /// Runs a `:` command as a user types it: `:`, the text, Enter.
    func command(_ text: String) throws {
        try send(":")
        try type(text)
        try send("Enter")
    }

    /// Pastes `text` as a terminal does: tmux's `paste-buffer -p` wraps it in bracketed-paste
    /// markers when the program turned that mode on, and sends it as typed text otherwise.
    func paste(_ text: String) throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("inquest-paste-\(UUID().uuidString.prefix(8))")
        try Data(text.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        try tmux(["-L", socket, "load-buffer", "-b", "e2e", file.path])
        try tmux(["-L", socket, "paste-buffer", "-p", "-d", "-b", "e2e", "-t", "t"])
    }

    /// Sets a server option, e.g. `set-clipboard on` (programs' OSC 52 copies become tmux buffers).
    func setServerOption(_ name: String, _ value: String) throws {
        try tmux(["-L", socket, "set-option", "-s", name, value])
    }

    /// Mouse buttons as xterm's mouse reports number them.
    enum MouseButton: Int {
        case left = 0, wheelUp = 64, wheelDown = 65
    }

    /// A mouse press at column `x`, row `y` (0-based), sent as the bytes a terminal in xterm's
    /// SGR mouse mode (1006) writes, `ESC [ < button ; x ; y M`, followed by the release (`m`)
    /// for a button: what the program reads when a user clicks (tmux's own `send-keys -M` only
    /// replays mouse events inside its key bindings).
    func click(x: Int, y: Int, _ button: MouseButton = .left) throws {
        try type("\u{1B}[<\(button.rawValue);\(x + 1);\(y + 1)M")
        if button == .left { try type("\u{1B}[<0;\(x + 1);\(y + 1)m") }
    }

    /// The newest paste buffer (what the program last copied with OSC 52), or nil when none.
    func newestBuffer() -> String? {
        try? tmux(["-L", socket, "show-buffer"])
    }

    func capture() throws -> String {
        try tmux(["-L", socket, "capture-pane", "-t", "t", "-p"])
    }

    /// The pane's text with its scrollback, wrapped lines joined (for messages wider than the pane).
    func captureJoined() throws -> String {
        try tmux(["-L", socket, "capture-pane", "-t", "t", "-p", "-J", "-S", "-200"])
    }

    /// The screen with its colours and attributes as escape sequences (`capture-pane -e`).
    func captureWithColours() throws -> String {
        try tmux(["-L", socket, "capture-pane", "-t", "t", "-p", "-e"])
    }

    /// The screen now, or "" when tmux cannot be asked (for failure messages).
    var screen: String { (try? capture()) ?? "" }

    func resize(width: Int, height: Int) throws {
        try tmux(["-L", socket, "resize-window", "-t", "t", "-x", String(width), "-y", String(height)])
    }

    /// A tmux format evaluated for the pane, e.g. `#{alternate_on}` (1 while the program is in
    /// the alternate screen) or `#{cursor_flag}` (1 while the cursor is shown).
    func paneFormat(_ format: String) throws -> String {
        try tmux(["-L", socket, "display-message", "-t", "t", "-p", format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// True once the program in the pane ended (the pane stays, `remain-on-exit`). Its status is
    /// not read here: tmux 3.3a leaves `#{pane_dead_status}` empty for a program it runs directly,
    /// so a test that needs the status runs the program under `sh -c '…; echo $? > FILE'`.
    func hasEnded() throws -> Bool {
        try paneFormat("#{pane_dead}") == "1"
    }

    /// Polls the screen every 50 ms until `predicate` holds or `seconds` pass; returns the last screen.
    @discardableResult
    func waitFor(seconds: Double = 10, _ predicate: (String) -> Bool) throws -> (matched: Bool, screen: String) {
        let deadline = Date().addingTimeInterval(seconds)
        var screen = try capture()
        while !predicate(screen) {
            if Date() > deadline { return (false, screen) }
            usleep(50_000)
            screen = try capture()
        }
        return (true, screen)
    }

    @discardableResult
    func waitFor(_ text: String, seconds: Double = 10) throws -> (matched: Bool, screen: String) {
        try waitFor(seconds: seconds) { $0.contains(text) }
    }
}

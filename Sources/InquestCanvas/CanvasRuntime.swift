import Foundation
import InquestCore
import InquestRender
import InquestStore
import InquestTeam
import InquestTerminal
import InquestViewModel
import Logging

/// The canvas process: one loop on one thread owns the terminal and the state; the store
/// work runs in an ``EffectRunner``. Keys, resizes, effect results and store changes are
/// all actions; after each batch of actions the screen is rendered and only its diff drawn.
public final class CanvasRuntime {
    private let store: InquestStore
    private let options: CanvasOptions
    private let logger: Logger
    private let backgroundWork: (any CanvasBackgroundWork)?
    private let team: TeamSync?

    /// `backgroundWork` (the ingest of opened files) starts after the first frame and stops on quit.
    /// With `team`, the investigation layer is the team database's, kept live by its notifications.
    public init(
        store: InquestStore, options: CanvasOptions, logger: Logger, backgroundWork: (any CanvasBackgroundWork)? = nil,
        team: TeamSync? = nil
    ) {
        self.store = store
        self.options = options
        self.logger = logger
        self.backgroundWork = backgroundWork
        self.team = team
    }

    public func run() throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw CanvasError.notATerminal }
        let environmentVariables = ProcessInfo.processInfo.environment
        var theme: Theme
        do {
            theme = try ThemeFiles.theme(named: options.theme, environment: environmentVariables)
        } catch {
            throw CanvasError.theme("\(error)")
        }
        let keymap = try Self.loadKeymap(environment: environmentVariables)
        let config = try CanvasConfig.load(environment: environmentVariables)
        var environment = CanvasEnvironment.live(keymap: keymap)

        var state = CanvasState()
        state.filterBar.applied = options.filter
        state.theme = ThemeChoice(current: options.theme, available: ThemeFiles.names(environment: environmentVariables))
        state.investigations.pendingSelectionID = options.investigationID
        state.timeline.openedSources = options.openedSources
        state.timeline.onlyOpened = !options.openedSources.isEmpty
        // Opened on files, the timeline follows their newest events as they are stored (as lnav
        // opens at a file's end) until the user moves up.
        state.timeline.follow = !options.openedSources.isEmpty

        if let team { state.team = TeamLinkState(isOnline: true, pending: (try? team.pendingCount()) ?? 0) }

        let inbox = ActionInbox()
        let runner = EffectRunner(store: store, inbox: inbox, logger: logger, team: team)
        let terminal = NcursesTerminal(mouse: options.mouse && config.mouse)
        try terminal.start()
        var backgroundStarted = false
        let live = team.map { TeamLiveUpdates(sync: $0, inbox: inbox, logger: logger) }
        defer {
            live?.stop()
            runner.stop()
            terminal.stop()
            // After the terminal is given back: the work may take a moment to end its transaction.
            if backgroundStarted { backgroundWork?.stop() }
        }
        runner.start()

        let size = terminal.size
        var pending: [CanvasAction] = [.terminalResized(width: size.width, height: size.height), .started]
        if let eventID = options.eventID { pending.append(.openedOnEvent(eventID)) }
        var lastTick = ContinuousClock.now
        var needsDraw = true
        var framesDeferred = 0
        while true {
            for action in pending + inbox.drain() {
                environment.now = .now()
                let effects = reduce(&state, action, environment: environment)
                // The clock tick only changes what is drawn when times are shown relative.
                if case .tick = action, state.timeline.timeMode != .relative {} else { needsDraw = true }
                for effect in effects {
                    switch effect {
                    case .quit:
                        return
                    case .openExternalEditor(let text, let noteID, let investigationID, let eventID):
                        switch ExternalEditor.edit(text, terminal: terminal) {
                        case .saved(let edited):
                            inbox.post(.editorFinished(noteID: noteID, investigationID: investigationID, eventID: eventID, text: edited))
                        case .failed(let message):
                            inbox.post(.effectFailed(message))
                        }
                        needsDraw = true
                    case .copyToClipboard(let text, let label):
                        inbox.post(copy(text, label: label, terminal: terminal, config: config))
                    case .copyEventLink(let eventID):
                        inbox.post(copy(options.eventLink(eventID), label: "a link to event #\(eventID)", terminal: terminal, config: config))
                    case .switchTheme(let name):
                        // The next frame is drawn whole in the new theme (the terminal repaints on a theme change).
                        do {
                            theme = try ThemeFiles.theme(named: name, environment: environmentVariables)
                            inbox.post(.themeSwitched(name: name))
                        } catch {
                            inbox.post(.effectFailed("Theme \(name): \(error)"))
                        }
                    default:
                        runner.submit([effect])
                    }
                }
                if state.isQuitting { return }
            }
            pending = []
            // Input already waiting (keys typed ahead, a paste from a terminal without bracketed
            // paste) is reduced before the next frame, so a burst costs one frame, not one per key.
            if framesDeferred < Self.inputBurstLimit, let input = terminal.readKey(timeoutMilliseconds: 0) {
                guard let action = Self.action(for: input) else { return }
                pending.append(action)
                framesDeferred += 1
                continue
            }
            framesDeferred = 0
            if needsDraw {
                let buffer = CanvasRenderer.render(state, width: state.width, height: state.height)
                terminal.draw(buffer, theme: theme)
                needsDraw = false
                if !backgroundStarted, let backgroundWork {
                    backgroundStarted = true
                    backgroundWork.start { inbox.post($0) }
                }
            }
            if ContinuousClock.now - lastTick >= .seconds(1) {
                lastTick = ContinuousClock.now
                pending.append(.tick(now: .now()))
            }
            // Short waits while the store works (results show within ~5 ms), longer when idle.
            if let input = terminal.readKey(timeoutMilliseconds: runner.isBusy || !inbox.isEmpty ? 5 : 50) {
                guard let action = Self.action(for: input) else { return }
                pending.append(action)
            }
        }
    }

    /// Copies through the terminal unless `--no-clipboard` or `clipboard = off`; the action
    /// reports what happened.
    private func copy(_ text: String, label: String, terminal: NcursesTerminal, config: CanvasConfig) -> CanvasAction {
        guard options.clipboard else {
            return .effectFailed("The clipboard is off (--no-clipboard); nothing copied")
        }
        guard config.clipboard else {
            return .effectFailed("The clipboard is off (clipboard = off in \(config.path ?? "the config")); nothing copied")
        }
        guard terminal.copyToClipboard(text) else {
            return .effectFailed("Too long for the clipboard (\(text.utf8.count) bytes, the terminal takes \(NcursesTerminal.clipboardLimit))")
        }
        return .copiedToClipboard(label: label)
    }

    /// At most this many inputs already waiting are reduced before a frame is drawn.
    static let inputBurstLimit = 256

    /// The action for a terminal input; nil when the canvas must stop (a stop signal).
    static func action(for input: TerminalInput) -> CanvasAction? {
        switch input {
        case .key(let key): .keyPressed(key)
        case .mouse(let event): .mousePressed(event)
        case .pasted(let text): .pasted(text)
        case .resize(let width, let height): .terminalResized(width: width, height: height)
        case .interrupted: nil
        }
    }

    /// The default bindings overridden by `$XDG_CONFIG_HOME/inquest/keymap` when it exists.
    static func loadKeymap(environment: [String: String]) throws -> Keymap {
        guard let path = Keymap.userFilePath(environment: environment),
              let text = try? String(contentsOfFile: path, encoding: .utf8) else { return .defaults }
        do {
            return try Keymap.loading(userText: text, source: path)
        } catch {
            throw CanvasError.keymap("\(error)")
        }
    }
}

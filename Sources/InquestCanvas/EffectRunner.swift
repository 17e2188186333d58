import Foundation
import InquestCore
import InquestStore
import InquestTeam
import InquestViewModel
import Logging

/// Runs the reducer's store effects on a background thread, off the UI path, and posts the
/// results back as actions. Loads superseded by a newer load of the same kind are skipped
/// (the reducer would ignore their results anyway), so fast scrolling never queues work; the one
/// already running is cut short through its ``QueryCancellation`` (a slow `/re/` scan of a big
/// store does not hold back the filter typed after it) and reports nothing.
final class EffectRunner: @unchecked Sendable {
    private let store: InquestStore
    private let inbox: ActionInbox
    private let logger: Logger
    private let condition = NSCondition()
    private var queue: [CanvasEffect] = []
    private var executing = false
    /// The effect running now, its coalescing kind and the flag that cuts its read short.
    private var running: (effect: CanvasEffect, kind: EffectScheduling.ReadKind, cancellation: QueryCancellation)?
    private var stopped = false
    private var thread: Thread?
    private var lastToken: ChangeToken?
    private var lastPoll = ContinuousClock.now
    private let executor: CanvasEffectExecutor
    /// Rankings run here, beside the loads, so a slow analysis never holds up the timeline.
    private let analysisQueue = DispatchQueue(label: "inquest.analysis")
    /// The newest ranking asked for; older ones still queued are skipped.
    private var latestAnalysisID = 0

    init(store: InquestStore, inbox: ActionInbox, logger: Logger, team: TeamSync? = nil) {
        self.store = store
        self.inbox = inbox
        self.logger = logger
        self.executor = CanvasEffectExecutor(store: store, team: team)
    }

    func start() {
        lastToken = try? store.changeToken()
        let thread = Thread { [self] in self.loop() }
        thread.name = "inquest.effects"
        self.thread = thread
        thread.start()
    }

    func stop() {
        condition.lock()
        stopped = true
        running?.cancellation.cancel()
        condition.broadcast()
        condition.unlock()
    }

    func submit(_ effects: [CanvasEffect]) {
        guard !effects.isEmpty else { return }
        condition.lock()
        for effect in effects {
            if case .rankSuspects(let requestID, _) = effect {
                latestAnalysisID = requestID
                submitAnalysis(effect, requestID: requestID)
                continue
            }
            if case .read(let kind) = effect.scheduling {
                queue.removeAll { $0.scheduling == .read(kind) || effect.supersedes($0) }
                if let running, running.kind == kind || effect.supersedes(running.effect) {
                    running.cancellation.cancel()
                }
            }
            queue.append(effect)
        }
        condition.broadcast()
        condition.unlock()
    }

    /// Runs a ranking on the analysis queue unless a newer one was asked for by the time it starts.
    private func submitAnalysis(_ effect: CanvasEffect, requestID: Int) {
        analysisQueue.async { [self] in
            condition.lock()
            let superseded = requestID != latestAnalysisID || stopped
            condition.unlock()
            guard !superseded else { return }
            do {
                try execute(effect)  // a read: no storeChanged after it
            } catch {
                logger.error("ranking failed", metadata: ["error": "\(error)"])
                inbox.post(.effectFailed("\(error)"))
            }
        }
    }

    /// The coalescing kind of the effect running now (`window`, `count`, …), nil between effects.
    var runningKind: EffectScheduling.ReadKind? {
        condition.lock()
        defer { condition.unlock() }
        return running?.kind
    }

    /// True while effects are queued or running: the UI loop then polls for their results
    /// every few milliseconds instead of waiting for a key.
    var isBusy: Bool {
        condition.lock()
        defer { condition.unlock() }
        return executing || !queue.isEmpty
    }

    private func loop() {
        while true {
            condition.lock()
            while queue.isEmpty && !stopped {
                // Wake every 250 ms to notice other processes' writes.
                if !condition.wait(until: Date().addingTimeInterval(0.25)) { break }
            }
            if stopped {
                condition.unlock()
                return
            }
            let next = queue.isEmpty ? nil : queue.removeFirst()
            executing = next != nil
            let cancellation = QueryCancellation()
            running = next.flatMap { effect in
                guard case .read(let kind) = effect.scheduling else { return nil }
                return (effect: effect, kind: kind, cancellation: cancellation)
            }
            condition.unlock()
            if let next {
                perform(next, cancellation: cancellation)
                condition.lock()
                executing = false
                running = nil
                condition.unlock()
            }
            pollForChanges()
        }
    }

    /// Posts `storeChanged` when any process committed something the canvas shows.
    private func pollForChanges() {
        let now = ContinuousClock.now
        guard now - lastPoll >= .milliseconds(250) else { return }
        lastPoll = now
        guard let token = try? store.changeToken() else { return }
        if token != lastToken {
            lastToken = token
            inbox.post(.storeChanged)
        }
    }

    private func perform(_ effect: CanvasEffect, cancellation: QueryCancellation) {
        do {
            try execute(effect, cancellation: cancellation)
            if effect.scheduling == .write {
                // A write of ours: show it now rather than at the next poll.
                lastToken = try? store.changeToken()
                inbox.post(.storeChanged)
            }
        } catch StoreError.interrupted {
            logger.debug("superseded load cut short", metadata: ["effect": "\(effect.scheduling)"])
        } catch {
            logger.error("effect failed", metadata: ["error": "\(error)"])
            inbox.post(.effectFailed("\(error)"))
        }
    }

    private func execute(_ effect: CanvasEffect, cancellation: QueryCancellation? = nil) throws {
        for action in try executor.execute(effect, cancellation: cancellation) {
            inbox.post(action)
        }
    }
}

extension InvestigationDraft {
    func apply(to investigation: inout Investigation) {
        investigation.title = title
        investigation.status = status
        investigation.severity = severity
        investigation.owner = owner
        investigation.rootCause = rootCause
        investigation.impact = impact
    }
}

import InquestCore
import InquestStore
import Logging
import Synchronization

/// Runs every feed of a watcher concurrently until cancelled, each under its own lease, with
/// restarts (exponential backoff + full jitter) behind a circuit breaker, and writes each feed's
/// health to the store every ``SupervisorPolicy/healthInterval``.
///
/// Per feed: wait for the lease → run the feed while renewing the lease → on failure count it,
/// back off (or, with the breaker open, wait for the cool-down and probe) and run again → when
/// the lease is lost, stop the feed and wait for the lease again. Cancelling ``run()`` stops every
/// feed at its next suspension point (a batch in flight commits or rolls back as a whole),
/// marks them stopped and releases the leases.
public final class FeedSupervisor: Sendable {
    /// The owner id written into leases and health rows.
    public let owner: String
    private let runtimes: [FeedRuntime]
    private let store: InquestStore
    private let policy: SupervisorPolicy
    private let clock: any WatchClock
    private let logger: Logger
    private let random: Mutex<SeededRandom>
    private let latestHealth = Mutex<[FeedHealth]>([])
    private let rates = Mutex<[String: (events: Int64, at: Int64)]>([:])

    public init(
        feeds: [any Feed], store: InquestStore, owner: String = WatcherIdentity.make(), policy: SupervisorPolicy = SupervisorPolicy(),
        clock: any WatchClock = SystemWatchClock(), random: SeededRandom = SeededRandom(), logger: Logger = InquestStore.silentLogger
    ) {
        self.owner = owner
        self.store = store
        self.policy = policy
        self.clock = clock
        self.logger = logger
        self.random = Mutex(random)
        runtimes = feeds.map { feed in
            let committer: FeedContext.Committer
            if policy.usesLeases {
                committer = { [store, clock] batch in
                    try store.append(batch, feed: feed.name, leaseOwner: owner, now: clock.now())
                }
            } else {
                committer = { [store] batch in try store.append(batch) }
            }
            var feedLogger = logger
            feedLogger[metadataKey: "feed"] = "\(feed.name)"
            let context = FeedContext(feedName: feed.name, store: store, logger: feedLogger, clock: clock, committer: committer)
            return FeedRuntime(feed: feed, context: context, breaker: CircuitBreaker(failureThreshold: policy.failureThreshold, coolDown: policy.coolDown))
        }
    }

    /// Runs all feeds until the calling task is cancelled (or every feed returned by itself).
    public func run() async {
        await withTaskGroup(of: Void.self) { group in
            for runtime in runtimes {
                group.addTask { await self.supervise(runtime) }
            }
            group.addTask { await self.writeHealthPeriodically() }
            // The health writer only ends on cancellation; feeds may all end before it.
            var remaining = runtimes.count
            while remaining > 0, await group.next() != nil { remaining -= 1 }
            group.cancelAll()
        }
        writeHealth()
    }

    /// The health of every feed as last computed (for the metrics endpoint).
    public var health: [FeedHealth] {
        latestHealth.withLock { $0 }
    }

    // MARK: - One feed

    private enum RunEnd { case cancelled, feedEnded, feedFailed, leaseLost }

    private func supervise(_ runtime: FeedRuntime) async {
        let name = runtime.feed.name
        while !Task.isCancelled {
            if policy.usesLeases {
                guard await acquireLease(runtime) else { break }
            }
            let end = await withTaskGroup(of: RunEnd.self) { group -> RunEnd in
                group.addTask { await self.runWithRestarts(runtime) }
                if policy.usesLeases {
                    group.addTask { await self.renewLease(runtime) }
                }
                let first = await group.next() ?? .cancelled
                group.cancelAll()
                return first
            }
            if end == .leaseLost {
                logger.warning("lease lost; feed stopped until it is regained", metadata: ["feed": "\(name)"])
                runtime.withStatus { $0.state = .waitingForLease }
                continue
            }
            if end == .feedEnded { logger.info("feed finished", metadata: ["feed": "\(name)"]) }
            break
        }
        runtime.withStatus { if $0.state != .failed { $0.state = .stopped } }
        if policy.usesLeases {
            do {
                try store.releaseLease(feed: name, owner: owner)
            } catch {
                logger.warning("could not release lease: \(error)", metadata: ["feed": "\(name)"])
            }
        }
    }

    /// Waits until this watcher holds the feed's lease; false when cancelled first.
    private func acquireLease(_ runtime: FeedRuntime) async -> Bool {
        let name = runtime.feed.name
        var loggedHolder: String?
        while !Task.isCancelled {
            do {
                switch try store.claimLease(feed: name, owner: owner, now: clock.now(), ttl: policy.leaseTTL) {
                case .acquired:
                    logger.info("lease acquired", metadata: ["feed": "\(name)"])
                    return true
                case .heldBy(let holder, _) where WatcherIdentity.isDeadLocalProcess(holder):
                    logger.info("lease holder \(holder) is dead; taking over", metadata: ["feed": "\(name)"])
                    if case .acquired = try store.claimLease(feed: name, owner: owner, now: clock.now(), ttl: policy.leaseTTL, replacing: holder) {
                        return true
                    }
                case .heldBy(let holder, _):
                    runtime.withStatus { $0.state = .waitingForLease }
                    if loggedHolder != holder {
                        logger.info("waiting for lease held by \(holder)", metadata: ["feed": "\(name)"])
                        loggedHolder = holder
                    }
                }
            } catch {
                logger.warning("cannot claim lease: \(error)", metadata: ["feed": "\(name)"])
            }
            do { try await clock.sleep(for: policy.leaseRetry) } catch { return false }
        }
        return false
    }

    /// Renews the lease until cancelled (→ `.cancelled`) or it is lost (→ `.leaseLost`): another
    /// owner holds it, or renewals failed until the lease expired.
    private func renewLease(_ runtime: FeedRuntime) async -> RunEnd {
        let name = runtime.feed.name
        var expiry = clock.now().nanoseconds &+ policy.leaseTTL.nanoseconds
        while true {
            do { try await clock.sleep(for: policy.leaseRenewal) } catch { return .cancelled }
            do {
                switch try store.claimLease(feed: name, owner: owner, now: clock.now(), ttl: policy.leaseTTL) {
                case .acquired(let expiresAt): expiry = expiresAt.nanoseconds
                case .heldBy: return .leaseLost
                }
            } catch {
                logger.warning("cannot renew lease: \(error)", metadata: ["feed": "\(name)"])
                if clock.now().nanoseconds >= expiry { return .leaseLost }
            }
        }
    }

    /// Runs the feed, restarting it after failures, until cancelled, lease loss or a normal return.
    private func runWithRestarts(_ runtime: FeedRuntime) async -> RunEnd {
        let feed = runtime.feed
        while !Task.isCancelled {
            let now = clock.monotonicNanoseconds()
            let decision = runtime.withStatus { $0.breaker.decide(now: now) }
            if case .wait(let nanoseconds) = decision {
                runtime.withStatus { $0.state = .circuitOpen }
                do { try await clock.sleep(for: .nanoseconds(nanoseconds)) } catch { return .cancelled }
                continue
            }
            runtime.withStatus { $0.state = .running }
            do {
                try await feed.run(runtime.context)
                return Task.isCancelled ? .cancelled : .feedEnded
            } catch {
                if Task.isCancelled { return .cancelled }
                if case StoreError.leaseNotHeld = error { return .leaseLost }
                if let watchError = error as? WatchError, watchError.isPermanent {
                    // Retrying cannot help (a config mistake): say so and stop this feed only.
                    logger.error("feed failed permanently: \(watchError)", metadata: ["feed": "\(feed.name)"])
                    runtime.withStatus { status in
                        status.errorCount += 1
                        status.lastError = "\(watchError)"
                        status.state = .failed
                    }
                    return .feedFailed
                }
                runtime.noteProgress()
                let failedAt = clock.monotonicNanoseconds()
                let message = "\(error)"
                logger.error("feed failed: \(message)", metadata: ["feed": "\(feed.name)"])
                let wait: Duration? = runtime.withStatus { status in
                    status.errorCount += 1
                    status.lastError = message
                    status.breaker.recordFailure(now: failedAt)
                    if case .open = status.breaker.state {
                        status.state = .circuitOpen
                        return nil
                    }
                    status.state = .backingOff
                    let attempt = status.restartAttempt
                    status.restartAttempt += 1
                    return random.withLock { policy.backoff.delay(attempt: attempt, using: &$0) }
                }
                if let wait {
                    do { try await clock.sleep(for: wait) } catch { return .cancelled }
                }
            }
        }
        return .cancelled
    }

    // MARK: - Health

    private func writeHealthPeriodically() async {
        while !Task.isCancelled {
            writeHealth()
            do { try await clock.sleep(for: policy.healthInterval) } catch { return }
        }
    }

    /// Computes every feed's health, keeps it for ``health`` and stores the rows this watcher owns.
    func writeHealth() {
        let nowWall = clock.now()
        let nowMono = clock.monotonicNanoseconds()
        var rows: [FeedHealth] = []
        for runtime in runtimes {
            runtime.noteProgress()
            let progress = runtime.context.progress
            let status = runtime.withStatus { $0 }
            let perSecond = rates.withLock { rates -> Double in
                defer { rates[runtime.feed.name] = (progress.events, nowMono) }
                guard let last = rates[runtime.feed.name], nowMono > last.at else { return 0 }
                return Double(progress.events - last.events) * 1e9 / Double(nowMono - last.at)
            }
            // A feed that reports no lag of its own is as far behind as its last success is old.
            let lag = progress.lag ?? progress.lastSuccess.map { .seconds(Double(max(0, nowWall.nanoseconds - $0.nanoseconds)) / 1e9) }
            rows.append(FeedHealth(
                feed: runtime.feed.name, kind: runtime.feed.kind.rawValue, state: status.state, owner: owner,
                lastSuccess: progress.lastSuccess, lag: lag?.value, lagUnit: lag?.unit,
                eventsPerSecond: perSecond, eventsTotal: progress.events, errorCount: status.errorCount,
                deadLetterCount: progress.deadLetters, lastError: status.lastError, circuit: status.breaker.state.name,
                updatedAt: nowWall))
        }
        latestHealth.withLock { $0 = rows }
        for row in rows {
            do {
                // A watcher waiting for a lease must not overwrite the row of the one running the feed.
                let staleBefore = row.state == .waitingForLease
                    ? Timestamp(nanoseconds: nowWall.nanoseconds &- policy.leaseTTL.nanoseconds) : nil
                try store.saveFeedHealth(row, unlessFresherThan: staleBefore)
            } catch {
                logger.warning("cannot store health: \(error)", metadata: ["feed": "\(row.feed)"])
            }
        }
    }
}

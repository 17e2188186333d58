import Foundation
import InquestTeam
import InquestViewModel
import Logging

/// Keeps an open canvas live on its team database: listens to the database's change channel
/// (``TeamListener``: pushed by PostgreSQL, nothing polls) and turns each committed change into
/// `storeChanged`, which reloads the investigations, the notes and the details; when the
/// database comes back it first sends what waits in the outbox, then reloads. The status line
/// learns of every connect and disconnect (`teamLinkChanged`). Teammates' stars are copied onto
/// the local events (``TeamStarMirror``) so the timeline's ★ shows them.
final class TeamLiveUpdates: Sendable {
    private let task: Task<Void, Never>

    init(sync: TeamSync, inbox: ActionInbox, logger: Logger) {
        let stars = TeamStarMirror(sync: sync)
        task = Task {
            for await event in TeamListener.events(url: sync.database.url, logger: logger) {
                switch event {
                case .connected:
                    let result = await sync.flush()
                    if let reason = result.stoppedBecause {
                        inbox.post(.teamLinkChanged(TeamLinkState(isOnline: false, pending: result.pending, reason: reason)))
                    } else {
                        inbox.post(.teamLinkChanged(TeamLinkState(isOnline: true, pending: result.pending)))
                    }
                    if result.refused > 0 {
                        inbox.post(.effectFailed("the team database refused \(result.refused) waiting change(s): `inquest team status` lists them"))
                    }
                    do { try await stars.copyAll() } catch { logger.warning("copying the team's stars failed", metadata: ["error": "\(error)"]) }
                    inbox.post(.storeChanged)
                case .disconnected(let reason):
                    logger.warning("team database unreachable", metadata: ["reason": "\(reason)"])
                    let pending = (try? sync.pendingCount()) ?? 0
                    inbox.post(.teamLinkChanged(TeamLinkState(isOnline: false, pending: pending, reason: reason)))
                case .changed(let notice):
                    do { try stars.apply(notice) } catch { logger.warning("copying a team star failed", metadata: ["error": "\(error)"]) }
                    inbox.post(.storeChanged)
                }
            }
        }
    }

    func stop() {
        task.cancel()
    }
}

import ArgumentParser
import Foundation
import InquestCore
import InquestStore
import InquestText

/// `inquest notify add|list|remove|mute|unmute|test|run|queue|retry`: webhooks and mail on investigation changes.
struct NotifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notify",
        abstract: "Webhooks and email on investigation changes: subscriptions, the queue and its sender.",
        discussion: """
            A change to an investigation (created, status, severity or owner changed, note added, resolved) \
            is queued for every matching subscription in the same transaction as the change; \
            `inquest notify run` sends the queue (retries with backoff, dead letters).
            """,
        subcommands: [Add.self, List.self, Remove.self, Mute.self, Unmute.self, Test.self, Run.self, Queue.self, Retry.self],
        defaultSubcommand: List.self
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "One line per subscription: id, owner, channel, target, scope, events, state.")
        @OptionGroup var store: StoreOptions
        @Option(help: "Only the subscriptions that can deliver this investigation's changes.") var investigation: Int64?

        func run() throws {
            let database = try store.openForReading()
            let subscriptions: [NotificationSubscription]
            do {
                subscriptions = try database.subscriptions(investigationID: investigation)
            } catch {
                throw CLIFailure("\(error)")
            }
            if subscriptions.isEmpty { print("no subscriptions (add one with `inquest notify add webhook URL --secret S` or `notify add email ADDRESS --smtp HOST:PORT`)") }
            for line in NotifyCommand.rows(subscriptions, investigation: investigation) { print(line) }
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete a subscription with its queued messages and dead letters.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The subscription's id (from `inquest notify list`).") var id: Int64

        func run() throws {
            do {
                try store.open().removeSubscription(id: id)
            } catch {
                throw CLIFailure("\(error)")
            }
            print("removed subscription \(id)")
        }
    }

    struct Mute: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Silence a subscription for one investigation (or, without one, everywhere).")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The subscription's id.") var id: Int64
        @Option(help: "The investigation to silence it for.") var investigation: Int64?

        func run() throws {
            try NotifyCommand.switchSubscription(store: store, id: id, investigation: investigation, on: false)
        }
    }

    struct Unmute: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Undo `notify mute` for one investigation (or, without one, turn the subscription back on).")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The subscription's id.") var id: Int64
        @Option(help: "The investigation to restore it for.") var investigation: Int64?

        func run() throws {
            try NotifyCommand.switchSubscription(store: store, id: id, investigation: investigation, on: true)
        }
    }

    static func switchSubscription(store: StoreOptions, id: Int64, investigation: Int64?, on: Bool) throws {
        do {
            let database = try store.open()
            if let investigation {
                try database.setSubscription(id: id, muted: !on, investigationID: investigation)
                print("subscription \(id) \(on ? "delivers" : "is muted for") investigation \(investigation)")
            } else {
                try database.setSubscription(id: id, enabled: on)
                print("subscription \(id) is \(on ? "on" : "off")")
            }
        } catch let failure as CLIFailure {
            throw failure
        } catch {
            throw CLIFailure("\(error)")
        }
    }

    /// The listing's lines: `#ID  owner  channel target  scope  events  state`.
    static func rows(_ subscriptions: [NotificationSubscription], investigation: Int64?) -> [String] {
        subscriptions.map { subscription in
            let id = subscription.id.map { "#\($0)" } ?? "-"
            let scope = subscription.investigationID.map { "investigation \($0)" } ?? "all investigations"
            var state = subscription.enabled ? "on" : "off"
            if !subscription.mutedInvestigations.isEmpty {
                state += ", muted for " + subscription.mutedInvestigations.sorted().map { "#\($0)" }.joined(separator: " ")
            }
            if let investigation, subscription.enabled, !subscription.delivers(investigationID: investigation) { state = "muted here" }
            return [
                id, subscription.owner, subscription.channel.kind, subscription.channel.displayTarget, scope, subscription.kindList, state,
            ].map(TextSanitizer.singleLine).joined(separator: "\t")
        }
    }
}

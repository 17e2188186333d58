import Foundation
import GRDB
import InquestCore

extension NotificationSubscription {
    static let selection = """
        notify_subscription.id, notify_subscription.owner, notify_subscription.channel, notify_subscription.target,
        notify_subscription.investigation_id, notify_subscription.events, notify_subscription.settings,
        notify_subscription.enabled, notify_subscription.created_at,
        (SELECT json_group_array(investigation_id) FROM notify_mute WHERE subscription_id = notify_subscription.id) AS muted
        """

    /// The webhook's settings column.
    private struct WebhookSettings: Codable {
        var secret: String
    }

    /// Reads a row of ``selection`` (its columns may be prefixed, as in the outbox join).
    init(row: Row, prefix: String = "") throws {
        let id: Int64 = row[prefix + "id"]
        let eventsText: String = row[prefix + "events"]
        guard let names = try? JSONDecoder().decode([String].self, from: Data(eventsText.utf8)) else {
            throw StoreError.corruptRow(table: "notify_subscription", id: id, column: "events", value: eventsText)
        }
        let kinds = Set(names.compactMap(NotificationKind.init(rawValue:)))
        let settings = Data((row[prefix + "settings"] as String).utf8)
        let target: String = row[prefix + "target"]
        let channelName: String = row[prefix + "channel"]
        let channel: NotificationChannel
        switch channelName {
        case "webhook":
            guard let webhook = try? JSONDecoder().decode(WebhookSettings.self, from: settings) else {
                throw StoreError.corruptRow(table: "notify_subscription", id: id, column: "settings", value: "(webhook settings)")
            }
            channel = .webhook(url: target, secret: webhook.secret)
        case "email":
            guard let server = try? JSONDecoder().decode(SMTPSettings.self, from: settings) else {
                throw StoreError.corruptRow(table: "notify_subscription", id: id, column: "settings", value: "(SMTP settings)")
            }
            channel = .email(address: target, server: server)
        default:
            throw StoreError.corruptRow(table: "notify_subscription", id: id, column: "channel", value: channelName)
        }
        let mutedText: String = row[prefix + "muted"] ?? "[]"
        let muted = (try? JSONDecoder().decode([Int64].self, from: Data(mutedText.utf8))) ?? []
        self.init(
            id: id, owner: row[prefix + "owner"], investigationID: row[prefix + "investigation_id"], kinds: kinds,
            channel: channel, enabled: row[prefix + "enabled"], mutedInvestigations: Set(muted),
            createdAt: Timestamp(nanoseconds: row[prefix + "created_at"]))
    }

    /// The `events` column: the kinds as a JSON array, in their declared order.
    func eventsColumn() -> String {
        let names = kinds.sorted().map(\.rawValue)
        return String(decoding: (try? JSONEncoder().encode(names)) ?? Data("[]".utf8), as: UTF8.self)
    }

    /// The `settings` column: what the channel needs besides its target.
    func settingsColumn() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let data: Data
        switch channel {
        case .webhook(_, let secret): data = try encoder.encode(WebhookSettings(secret: secret))
        case .email(_, let server): data = try encoder.encode(server)
        }
        return String(decoding: data, as: UTF8.self)
    }
}

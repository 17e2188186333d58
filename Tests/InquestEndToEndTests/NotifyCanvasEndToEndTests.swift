import Foundation
import InquestCore
import InquestStore
import Testing

extension EndToEnd {
    /// Issue 18's notification preferences in the canvas: `:notify` lists the subscriptions that
    /// can deliver the selected investigation's changes, Space turns one off for it, and the
    /// change is in the store (`inquest notify list` shows it) and in the overlay when reopened.
    @Suite(.serialized, needsTmux) struct NotifyCanvasEndToEndTests: CLIFixture {
        let workspace: CLIWorkspace

        init() throws {
            workspace = try CLIWorkspace()
        }

        func notifyList() throws -> String {
            let list = try BinaryRunner.run(["notify", "list", "--db", database])
            #expect(list.status == 0, "\(list.stderr)")
            return list.stdout
        }

        @Test func spaceInTheNotifyOverlayMutesASubscriptionForTheInvestigation() throws {
            // Given an investigation and a webhook for every investigation's status changes
            _ = try InquestStore.open(path: database, audit: AuditIdentity(actor: "e2e")).createInvestigation(Investigation(title: "Checkout 502s"))
            let added = try BinaryRunner.run([
                "notify", "add", "webhook", "https://hooks.example/inquest", "--secret", "whsec", "--events", "status,resolved", "--db", database,
            ], environment: ["USER": "e2e"])
            #expect(added.status == 0, "\(added.stderr)")
            let before = try notifyList()
            #expect(before.contains("\ton\n"), "on for every investigation: \(before)")
            guard let binary = BinaryRunner.binary else { throw BinaryRunner.MissingBinary() }
            let canvas = try TmuxSession(
                command: [binary.path, "--db", database], width: 120, height: 40,
                environment: ["XDG_CONFIG_HOME": directory.path, "HOME": directory.path, "USER": "e2e"])
            #expect(try canvas.waitFor("Checkout 502s").matched, "\(canvas.screen)")

            // When the investigation is selected and `:notify` opened
            try canvas.send("1", "j")
            #expect(try canvas.waitFor("created by e2e").matched, "\(canvas.screen)")
            try canvas.command("notify")
            let overlay = try canvas.waitFor("Notifications — Checkout 502s")
            #expect(overlay.matched, "\(overlay.screen)")
            let on = try canvas.waitFor("[on]  webhook https://hooks.example/inquest  status,resolved  (all, e2e)")
            #expect(on.matched, "the subscription is on here: \(on.screen)")

            // and Space toggles it
            try canvas.send("Space")
            let off = try canvas.waitFor("[off] webhook")
            #expect(off.matched, "off for this investigation: \(off.screen)")

            // Then the store has it muted for this investigation, still on for the others
            let deadline = Date().addingTimeInterval(10)
            var listed = try notifyList()
            while !listed.contains("on, muted for #1") && Date() < deadline {
                usleep(50_000)
                listed = try notifyList()
            }
            #expect(listed.contains("all investigations\tstatus,resolved\ton, muted for #1"), "\(listed)")

            // and the overlay reopened reads it back from the store
            try canvas.send("Escape")
            #expect(try canvas.waitFor { !$0.contains("Notifications — ") }.matched, "\(canvas.screen)")
            try canvas.command("notify")
            #expect(try canvas.waitFor("[off] webhook").matched, "\(canvas.screen)")
            // Space again turns it back on here
            try canvas.send("Space")
            #expect(try canvas.waitFor("[on]  webhook").matched, "\(canvas.screen)")
            // ESC then q within the escape delay would read as Alt-q: wait for the overlay to close.
            try canvas.send("Escape")
            #expect(try canvas.waitFor { !$0.contains("Notifications — ") }.matched, "\(canvas.screen)")
            try canvas.send("q")
            let exited = try canvas.waitFor(seconds: 5) { _ in (try? canvas.hasEnded()) == true }
            #expect(exited.matched, "q ends the canvas: \(exited.screen)")
            let after = try notifyList()
            #expect(after.contains("status,resolved\ton\n"), "unmuted: \(after)")
        }
    }
}

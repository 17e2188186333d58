import Foundation
import Testing

extension EndToEnd {
    /// Issue 17 item 11 in tmux, on a two-hour incident: `z` zooms from the data's own extent
    /// (to an hour, never out to a day), the time axis under the density strip, and `e`/`E` put
    /// the error mid-pane with the events that led to it above.
    @Suite(.serialized, needsTmux) struct CanvasTimeEndToEndTests: CLIFixture {
        let workspace: CLIWorkspace

        /// One event every 20 s from 10:00:00 to 11:59:40 (360 events), one error at 11:00:00.
        init() throws {
            workspace = try CLIWorkspace()
            let lines = (0..<360).map { index in
                let second = index * 20
                let time = String(format: "2026-11-20T%02d:%02d:%02d.000Z", 10 + second / 3_600, second % 3_600 / 60, second % 60)
                return index == 180 ? "\(time) ERROR payment 4711 failed: card declined" : "\(time) INFO request \(index) served"
            }
            let file = try write("incident.log", lines.joined(separator: "\n") + "\n")
            let ingest = try BinaryRunner.run(["ingest", "--db", database, file])
            #expect(ingest.status == 0, "\(ingest)")
        }

        func open() throws -> TmuxSession {
            guard let binary = BinaryRunner.binary else { throw BinaryRunner.MissingBinary() }
            return try TmuxSession(
                command: [binary.path, "--db", database], width: 120, height: 40,
                environment: ["XDG_CONFIG_HOME": directory.path, "HOME": directory.path, "USER": "e2e"])
        }

        static func lines(_ screen: String) -> [String] {
            screen.components(separatedBy: "\n")
        }

        /// The density strip's line (under the timeline's top border) and the axis line under it.
        static func stripAndAxis(_ screen: String) -> (strip: String, axis: String)? {
            let lines = Self.lines(screen)
            guard let border = lines.firstIndex(where: { $0.contains("┌ Timeline") }), border + 2 < lines.count else { return nil }
            return (lines[border + 1], lines[border + 2])
        }

        /// The `HH:MM` labels on the axis, in minutes of the day.
        static func axisMinutes(_ axis: String) -> [Int] {
            axis.split(whereSeparator: { !$0.isNumber && $0 != ":" }).compactMap { label in
                let parts = label.split(separator: ":")
                guard parts.count >= 2, let hours = Int(parts[0]), let minutes = Int(parts[1]) else { return nil }
                return hours * 60 + minutes
            }
        }

        @Test func zoomStartsFromTheIncidentsExtentUnderATimeAxis() throws {
            let canvas = try open()
            let opened = try canvas.waitFor(seconds: 20) { screen in
                screen.contains("360 events") && Self.stripAndAxis(screen).map { $0.strip.contains(" all ") && !Self.axisMinutes($0.axis).isEmpty } ?? false
            }
            #expect(opened.matched, "the whole range with its axis: \(opened.screen)")
            // The axis of the whole incident: round times from 10:00 to 11:xx, no date (one day).
            if let axis = Self.stripAndAxis(opened.screen)?.axis {
                let minutes = Self.axisMinutes(axis)
                #expect(minutes.first.map { $0 >= 600 } == true && minutes.last.map { $0 < 720 } == true, "10:00–12:00: \(axis)")
                #expect(minutes.count >= 4, "labels every few minutes: \(axis)")
                #expect(minutes == minutes.sorted(), "left to right in time: \(axis)")
            }

            // The first zoom of a two-hour incident shows an hour around the cursor, not a day.
            try canvas.send("z")
            let zoomed = try canvas.waitFor { screen in
                Self.stripAndAxis(screen).map { $0.strip.contains(" 1h ") && !Self.axisMinutes($0.axis).isEmpty } ?? false
            }
            #expect(zoomed.matched, "zoomed to 1h: \(zoomed.screen)")
            #expect(!zoomed.screen.contains(" 1d "), "never out to a day: \(zoomed.screen)")
            if let axis = Self.stripAndAxis(zoomed.screen)?.axis {
                let minutes = Self.axisMinutes(axis)
                let spread = (minutes.max() ?? 0) - (minutes.min() ?? 0)
                #expect(spread <= 60 && spread >= 30, "the axis covers an hour: \(axis)")
            }
            // Zooming out of the hour shows the whole incident again (a 6h span would be wider).
            try canvas.send("Z")
            let out = try canvas.waitFor { Self.stripAndAxis($0)?.strip.contains(" all ") ?? false }
            #expect(out.matched, "back to all: \(out.screen)")
            try canvas.send("q")
        }

        /// The timeline's event rows on screen: from under the axis to above the bottom border.
        static func timelineRows(_ screen: String) -> ArraySlice<String>? {
            let lines = Self.lines(screen)
            guard let border = lines.firstIndex(where: { $0.contains("┌ Timeline") }),
                  let bottom = lines[(border + 1)...].firstIndex(where: { $0.contains("└") })
            else { return nil }
            return lines[(border + 3)..<bottom]
        }

        /// Checks that the error's row is in the middle of the timeline rows with earlier events above.
        static func expectErrorCentred(_ screen: String, _ comment: String) {
            guard let rows = timelineRows(screen), let errorRow = rows.firstIndex(where: { $0.contains("payment 4711 failed") }) else {
                Issue.record("no error row on screen (\(comment)): \(screen)")
                return
            }
            let middle = (rows.startIndex + rows.endIndex - 1) / 2
            #expect(abs(errorRow - middle) <= 1, "row \(errorRow - rows.startIndex) of \(rows.count) (\(comment)): \(screen)")
            #expect(rows[rows.startIndex..<errorRow].contains { $0.contains("10:59:40") }, "the event before it is above (\(comment)): \(screen)")
            #expect(rows[(errorRow + 1)...].contains { $0.contains("11:00:20") }, "and the next below (\(comment)): \(screen)")
            #expect(screen.contains("Event #181"), "the error is selected (\(comment)): \(screen)")
        }

        @Test func errorJumpsPutTheErrorMidPaneWithItsContextAbove() throws {
            let canvas = try open()
            #expect(try canvas.waitFor("360 events", seconds: 20).matched, "\(canvas.screen)")
            // From the newest event back to the error.
            try canvas.send("E")
            let back = try canvas.waitFor(seconds: 10) { $0.contains("Event #181") }
            #expect(back.matched, "E found the error: \(back.screen)")
            Self.expectErrorCentred(try canvas.capture(), "E from the newest")

            // From the oldest event forward to it.
            try canvas.send("g")
            #expect(try canvas.waitFor("#1 · 2026-11-20 10:00").matched, "the oldest event: \(canvas.screen)")
            try canvas.send("e")
            let forward = try canvas.waitFor(seconds: 10) { $0.contains("Event #181") }
            #expect(forward.matched, "e found the error: \(forward.screen)")
            Self.expectErrorCentred(try canvas.capture(), "e from the oldest")
            try canvas.send("q")
        }
    }
}

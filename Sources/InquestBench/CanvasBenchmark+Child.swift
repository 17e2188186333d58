import Foundation
import InquestCore
import InquestStore
import InquestViewModel

/// What one headless canvas child measured, sent to the parent as one JSON line.
struct CanvasChildResult: Codable {
    /// Latencies of one kind of key, in milliseconds.
    struct Series: Codable {
        var name: String
        var samples: [Double]
        var goal: String
    }

    /// One filter's matches and apply times (Enter → frames), in milliseconds.
    struct FilterRow: Codable {
        var text: String
        var matches: Int
        var firstPage: [Double]
        var complete: [Double]
    }

    /// Time inside the store per kind of effect during one phase of the run.
    struct EffectRow: Codable {
        var phase: String
        var kind: String
        var samples: [Double]
    }

    var storedEvents: Int
    var firstPageMs: Double
    var firstFrameMs: Double
    var series: [Series]
    var filters: [FilterRow]
    var effects: [EffectRow]
    var memory: ProcessMemory
    var failures: [String]

    var peakMiB: Double { memory.peakMiB }

    func table(title: String) -> String {
        var lines = ["-- \(title) --"]
        lines.append("  start → first page drawn \(BenchSupport.format(firstPageMs, 1)) ms; → first complete frame (count + density) \(BenchSupport.format(firstFrameMs, 1)) ms (goal ≤ 150 ms)")
        lines.append("  " + "key".rightPadded(42) + "n".leftPadded(5) + "p50 ms".leftPadded(9) + "p99 ms".leftPadded(9) + "max ms".leftPadded(9) + "  goal")
        for row in series {
            let numbers = [0.5, 0.99, 1.0].map { BenchSupport.format(BenchSupport.percentile(row.samples, $0)).leftPadded(9) }.joined()
            lines.append("  " + row.name.rightPadded(42) + String(row.samples.count).leftPadded(5) + numbers + "  " + row.goal)
        }
        lines.append("  per filter (3 applies each): matches, Enter → first page p50/max, → count + density p50/max (ms)")
        for row in filters {
            let figures = [row.firstPage, row.complete].map { samples in
                BenchSupport.format(BenchSupport.percentile(samples, 0.5), 1) + "/" + BenchSupport.format(BenchSupport.percentile(samples, 1), 1)
            }
            lines.append("    " + row.text.rightPadded(44) + row.matches.grouped.leftPadded(10) + figures[0].leftPadded(16) + figures[1].leftPadded(16))
        }
        lines.append("  time in the store per effect (ms): phase, effect, n, p50, p99, max")
        for row in effects {
            let numbers = [0.5, 0.99, 1.0].map { BenchSupport.format(BenchSupport.percentile(row.samples, $0)).leftPadded(9) }.joined()
            lines.append("    " + row.phase.rightPadded(14) + row.kind.rightPadded(20) + String(row.samples.count).leftPadded(5) + numbers)
        }
        lines.append("  memory (MiB): peak after first frame \(BenchSupport.format(memory.peakAfterFirstFrameMiB, 1)), after navigation \(BenchSupport.format(memory.peakAfterNavigationMiB, 1)), at the end \(BenchSupport.format(memory.peakMiB, 1)); resident at the end: anonymous \(BenchSupport.format(memory.residentAnonymousMiB, 1)) + mapped files \(BenchSupport.format(memory.residentFileMiB, 1))")
        if !failures.isEmpty {
            lines.append("  FAILED EFFECTS (\(failures.count)): " + failures.prefix(3).joined(separator: " | "))
        }
        return lines.joined(separator: "\n")
    }
}

extension CanvasBenchmark {
    /// The filters applied with `/`, text, Enter (each three times, cleared in between).
    static let filters = [
        "service:checkout severity>=error",
        "timeout",
        "status:504",
        "severity>=error",
        "\"payment gateway timeout\" -service:search",
    ]

    /// `inquest-bench canvas-child DB`: opens the store and drives the canvas headless.
    static func child(arguments: [String]) throws {
        guard arguments.count == 1 else { throw BenchSupport.Failure(description: "usage: canvas-child DB") }
        let start = ContinuousClock.now
        let store = try InquestStore.open(path: arguments[0])
        let canvas = HeadlessCanvas(store: store)
        let first = canvas.send([.terminalResized(width: HeadlessCanvas.width, height: HeadlessCanvas.height), .started], since: start)
        guard let total = canvas.state.timeline.totalCount, !canvas.state.timeline.rows.isEmpty else {
            throw BenchSupport.Failure(description: "the first frame shows no events (store \(arguments[0]), failures: \(canvas.failures))")
        }
        var effects: [CanvasChildResult.EffectRow] = []
        func takeEffects(_ phase: String) {
            for (kind, samples) in canvas.takeEffectTimes().sorted(by: { $0.key < $1.key }) {
                effects.append(.init(phase: phase, kind: kind, samples: samples))
            }
        }
        takeEffects("first frame")
        let peakAfterFirstFrame = ProcessMemory.read().peakMiB

        var series: [CanvasChildResult.Series] = []
        func measure(_ name: String, goal: String, _ body: () -> [Double]) {
            series.append(.init(name: name, samples: body(), goal: goal))
        }
        let scrollGoal = "p99 ≤ 10 ms"
        // The canvas opens at the newest event; scroll from the oldest so j and PgDn move.
        _ = canvas.press(.character("g"))
        let oldestID = canvas.state.timeline.cursorID
        measure("scroll down (j / Down, ×500)", goal: scrollGoal) {
            (0..<500).map { canvas.press($0.isMultiple(of: 2) ? .character("j") : .down).complete }
        }
        let afterScrollID = canvas.state.timeline.cursorID
        measure("page down (PgDn, ×100)", goal: scrollGoal) {
            (0..<100).map { _ in canvas.press(.pageDown).complete }
        }
        guard oldestID != afterScrollID, afterScrollID != canvas.state.timeline.cursorID else {
            throw BenchSupport.Failure(description: "j / PgDn did not move the cursor (\(String(describing: oldestID)) → \(String(describing: afterScrollID)) → \(String(describing: canvas.state.timeline.cursorID))); the figures would time nothing")
        }
        measure("page up (PgUp, ×100)", goal: scrollGoal) {
            (0..<100).map { _ in canvas.press(.pageUp).complete }
        }
        measure("scroll up (k / Up, ×100)", goal: scrollGoal) {
            (0..<100).map { canvas.press($0.isMultiple(of: 2) ? .character("k") : .up).complete }
        }
        var toEnd: [Double] = []
        var toStart: [Double] = []
        for round in 0..<20 {
            toEnd.append(canvas.press(round.isMultiple(of: 2) ? .character("G") : .end).complete)
            toStart.append(canvas.press(round.isMultiple(of: 2) ? .character("g") : .home).complete)
        }
        measure("jump to end (G / End, ×20)", goal: scrollGoal) { toEnd }
        measure("jump to start (g / Home, ×20)", goal: scrollGoal) { toStart }
        measure("next error (e, ×50 from the start)", goal: "-") {
            (0..<50).map { _ in canvas.press(.character("e")).complete }
        }
        guard let errorRow = canvas.state.timeline.cursorRow, errorRow.severity >= .error else {
            throw BenchSupport.Failure(description: "`e` did not land on an error (cursor: \(String(describing: canvas.state.timeline.cursorRow)))")
        }

        takeEffects("navigation")
        let peakAfterNavigation = ProcessMemory.read().peakMiB

        var opens: [Double] = []
        var typing: [Double] = []
        var applyFirstPage: [Double] = []
        var applyComplete: [Double] = []
        var clears: [Double] = []
        var rows = filters.map { CanvasChildResult.FilterRow(text: $0, matches: 0, firstPage: [], complete: []) }
        for _ in 0..<3 {
            for (index, filter) in filters.enumerated() {
                opens.append(canvas.press(.character("/")).complete)
                typing.append(canvas.press(.control("u")).complete)
                typing.append(contentsOf: canvas.type(filter))
                let apply = canvas.press(.enter)
                guard canvas.state.filterBar.applied.text == filter, let matched = canvas.state.timeline.totalCount else {
                    throw BenchSupport.Failure(description: "filter \(filter) was not applied (bar: \(canvas.state.filterBar), failures: \(canvas.failures))")
                }
                rows[index].matches = matched
                rows[index].firstPage.append(apply.firstPage ?? apply.complete)
                rows[index].complete.append(apply.complete)
                applyFirstPage.append(apply.firstPage ?? apply.complete)
                applyComplete.append(apply.complete)
                _ = canvas.press(.character("/"))
                _ = canvas.press(.control("u"))
                clears.append(canvas.press(.enter).complete)
            }
        }
        measure("filter: open bar (/)", goal: scrollGoal) { opens }
        measure("filter: type a character", goal: scrollGoal) { typing }
        measure("filter apply (Enter) → first page drawn", goal: "p99 ≤ 50 ms") { applyFirstPage }
        measure("filter apply (Enter) → count + density", goal: "-") { applyComplete }
        measure("filter clear (Enter on empty) → complete", goal: "-") { clears }
        takeEffects("filters")
        var memory = ProcessMemory.read()
        memory.peakAfterFirstFrameMiB = peakAfterFirstFrame
        memory.peakAfterNavigationMiB = peakAfterNavigation

        let result = CanvasChildResult(
            storedEvents: total,
            firstPageMs: first.firstPage ?? first.complete,
            firstFrameMs: first.complete,
            series: series,
            filters: rows,
            effects: effects,
            memory: memory,
            failures: canvas.failures
        )
        print(String(decoding: try JSONEncoder().encode(result), as: UTF8.self))
    }
}

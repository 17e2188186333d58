import InquestCore
@testable import InquestRender
import InquestViewModel
import Testing

/// The status line while the opened files are ingested: where, how much, how fast, and the end.
@Suite struct IngestStatusLineTests {
    func ingest(_ phase: BackgroundIngestState.Phase = .reading, paths: [String] = ["app.log"], total: Int64? = 2_100_000_000) -> BackgroundIngestState {
        BackgroundIngestState(
            paths: paths, fileIndex: paths.count - 1,
            current: IngestProgress(path: paths[paths.count - 1], bytesRead: 880_000_000, totalBytes: total, lines: 4_200_000, stored: 4_200_000),
            eventsStored: 4_200_000, elapsedSeconds: 14, phase: phase)
    }

    @Test func readingShowsPercentBytesEventsAndRate() {
        #expect(StatusLineView.ingestText(ingest()) == ("ingest app.log 41% · 880 MB of 2.1 GB · 4,200,000 events · 300,000/s", false))
    }

    @Test func aStreamShowsBytesWithoutPercentAndSeveralFilesTheirIndex() {
        #expect(StatusLineView.ingestText(ingest(paths: ["-"], total: nil)).text == "ingest stdin · 880 MB · 4,200,000 events · 300,000/s")
        #expect(StatusLineView.ingestText(ingest(paths: ["/var/log/a.log", "/var/log/b.log"])).text.hasPrefix("ingest 2/2 b.log 41%"))
    }

    @Test func theEndSaysDoneOrWhyItStopped() {
        #expect(StatusLineView.ingestText(ingest(.indexing)).text == "ingest stored 4,200,000 events · 300,000/s · indexing full text…")
        #expect(StatusLineView.ingestText(ingest(.finished)) == ("ingest done · 4,200,000 events in 14.0 s (300,000/s)", false))
        #expect(StatusLineView.ingestText(ingest(.failed("disk full"))) == ("ingest stopped: disk full", true))
    }

    @Test func theStatusLineShowsItAndTheTimelineTitleShowsTheScope() {
        var state = SnapshotFixture.state(width: 120, height: 40)
        state.ingest = ingest()
        state.timeline.openedSources = ["app.log"]
        state.timeline.onlyOpened = true
        let text = Snapshot.text(of: CanvasRenderer.render(state, width: 120, height: 40))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.contains { $0.contains("ingest app.log 41% · 880 MB of 2.1 GB") })
        #expect(lines.first?.contains("app.log only") == true, "\(lines.first ?? "")")
    }
}

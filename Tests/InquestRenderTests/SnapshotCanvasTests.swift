import InquestCore
@testable import InquestRender
import InquestText
import InquestViewModel
import Testing

/// The main screens at 80×24, 120×40 and the smallest drawable size, as text and roles.
@Suite struct SnapshotCanvasTests {
    static let sizes: [(Int, Int)] = [(80, 24), (120, 40), (40, 12)]

    func check(_ state: CanvasState, _ name: String) throws {
        let buffer = CanvasRenderer.render(state, width: state.width, height: state.height)
        try Snapshot.assertMatches(buffer, named: "\(name)-\(state.width)x\(state.height)")
    }

    @Test(arguments: sizes)
    func fourPanesWithTheTimelineFocused(width: Int, height: Int) throws {
        try check(SnapshotFixture.state(width: width, height: height), "canvas")
    }

    @Test(arguments: sizes)
    func eachPaneFocused(width: Int, height: Int) throws {
        for pane in [Pane.investigations, .details, .notes] {
            try check(SnapshotFixture.state(width: width, height: height, focus: pane), "focus-\(pane.rawValue)")
        }
    }

    @Test(arguments: sizes)
    func eachPaneMaximised(width: Int, height: Int) throws {
        for pane in Pane.allCases {
            try check(SnapshotFixture.state(width: width, height: height, focus: pane, maximised: true), "maximised-\(pane.rawValue)")
        }
    }

    @Test(arguments: sizes)
    func helpOverlay(width: Int, height: Int) throws {
        var state = SnapshotFixture.state(width: width, height: height)
        state.help = HelpOverlayState(lines: HelpGenerator.lines(for: .defaults))
        try check(state, "help")
    }

    @Test(arguments: sizes)
    func filterBarWithAnError(width: Int, height: Int) throws {
        var state = SnapshotFixture.state(width: width, height: height)
        state.filterBar.editing = TextField("service:api (timeout OR 支付")
        state.filterBar.problem = .unclosedParenthesis(column: 13)
        try check(state, "filter-error")
    }

    @Test(arguments: sizes)
    func noteEditor(width: Int, height: Int) throws {
        var state = SnapshotFixture.state(width: width, height: height)
        var editor = NoteEditorState(text: "Gateway timeouts start right after the deploy.\n支付 errors too 🔥\n", investigationID: 7, eventID: 1_003)
        _ = editor.apply(.character("x"))
        state.editor = editor
        try check(state, "editor")
    }

    @Test(arguments: sizes)
    func investigationForm(width: Int, height: Int) throws {
        var state = SnapshotFixture.state(width: width, height: height)
        var form = InvestigationFormState(draft: InvestigationDraft(title: "Checkout outage", status: .investigating, severity: .sev2, owner: "alice"), focused: .rootCause)
        form.rootCause = TextField("gateway pool exhausted")
        state.form = form
        try check(state, "form")
    }

    @Test(arguments: sizes)
    func jumpPromptAndRelativeTimes(width: Int, height: Int) throws {
        var state = SnapshotFixture.state(width: width, height: height)
        state.timeline.timeMode = .relative
        state.prompt = PromptState(kind: .jump, field: TextField("-15m"))
        try check(state, "prompt-relative")
    }

    @Test(arguments: [(39, 24), (40, 11), (12, 3)])
    func tooSmallScreenSaysSo(width: Int, height: Int) throws {
        try check(SnapshotFixture.state(width: width, height: height), "too-small")
    }
}

@Suite struct SnapshotPropertiesTests {
    @Test func noEscapeCharacterReachesTheBuffer() {
        for (width, height) in SnapshotCanvasTests.sizes {
            let buffer = CanvasRenderer.render(SnapshotFixture.state(width: width, height: height), width: width, height: height)
            let text = buffer.textLines().joined()
            #expect(!text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F || (0x80...0x9F).contains($0.value) })
        }
    }

    @Test func everyRoleThePanesUseIsInTheThemeCatalogue() {
        let catalogue = Set(StyleRole.all)
        for (width, height) in SnapshotCanvasTests.sizes {
            var states: [CanvasState] = Pane.allCases.map { SnapshotFixture.state(width: width, height: height, focus: $0) }
            var help = SnapshotFixture.state(width: width, height: height)
            help.help = HelpOverlayState(lines: HelpGenerator.lines(for: .defaults))
            states.append(help)
            var unknown: Set<StyleRole> = []
            for state in states {
                let buffer = CanvasRenderer.render(state, width: width, height: height)
                for y in 0..<height {
                    for x in 0..<width where !catalogue.contains(buffer[x, y].role) {
                        unknown.insert(buffer[x, y].role)
                    }
                }
            }
            #expect(unknown.isEmpty, "roles not in the catalogue: \(unknown.sorted())")
        }
    }

    @Test func everyRoleLookedUpByValueIsInTheCatalogueUnderItsDottedName() {
        let catalogue = Set(StyleRole.all)
        let statuses = Investigation.Status.allCases.map { (StyleRole.status($0), "investigation.status." + $0.rawValue) }
        let severities = Investigation.IncidentSeverity.allCases.map {
            (StyleRole.incidentSeverity($0), "investigation.severity." + $0.rawValue.lowercased())
        }
        for (role, name) in statuses + severities {
            #expect(role.name == name)
        }
        let details: [DetailSpanKind] = [.section, .key, .value, .raw, .jsonKey, .jsonString, .jsonNumber, .jsonLiteral, .jsonPunctuation,
                                         .span, .spanError, .spanSelected, .spanBar, .hint]
        let looked = statuses.map(\.0) + severities.map(\.0) + details.map(StyleRole.detail)
        #expect(looked.filter { !catalogue.contains($0) } == [])
    }

    @Test func aHugeMessageIsCutAtTheRowsEdgeWithItsMatchesHighlighted() {
        var state = SnapshotFixture.state(width: 80, height: 24)
        state.timeline.rows[0].message = "timeout " + String(repeating: "x\u{1B}[1m ", count: 30_000)
        let buffer = CanvasRenderer.render(state, width: 80, height: 24)
        // Row 0 is the collapsed Investigations header, 1 the timeline's border, 2 its density
        // strip (no time axis at 80×24).
        let row = buffer.textLines()[3]
        #expect(row.hasPrefix("│11:06:40.123 Δ INFO deploy"))
        #expect(row.hasSuffix(" timeout x x x x x x x x x x x x x x x x x …│"))
        // Every character before the message is one column wide here.
        let messageStart = row.distance(from: row.startIndex, to: row.range(of: "timeout")?.lowerBound ?? row.startIndex)
        #expect(messageStart > 0)
        #expect((0..<7).allSatisfy { buffer[messageStart + $0, 3].role == "match.highlight" })
        #expect(buffer[messageStart + 7, 3].role == "timeline.message")
    }

    @Test func everyRowIsExactlyTheTerminalWidth() {
        let buffer = CanvasRenderer.render(SnapshotFixture.state(width: 80, height: 24), width: 80, height: 24)
        var legend: [StyleRole: Character] = [:]
        #expect(buffer.roleLines(legend: &legend).allSatisfy { $0.count == 80 })
        #expect(buffer.textLines().allSatisfy { DisplayWidthProbe.width($0) == 80 })
    }
}

/// Display width of a snapshot row via the renderer's own function.
enum DisplayWidthProbe {
    static func width(_ line: String) -> Int { DisplayWidth.of(line) }
}

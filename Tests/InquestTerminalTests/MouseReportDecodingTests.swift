import InquestViewModel
import Testing
@testable import InquestTerminal

/// Issue 17 item 9: SGR mouse reports (`ESC [ < b ; x ; y M`) decoded by the pure decoder.
struct MouseReportDecodingTests {
    static func decode(_ text: String) -> [TerminalInput] {
        KeySequenceDecoderTests.decode(text)
    }

    @Test func pressesAndWheelNotchesBecomeMouseEventsAtZeroBasedCells() {
        #expect(Self.decode("\u{1B}[<0;10;5M") == [.mouse(MouseEvent(.left, x: 9, y: 4))])
        #expect(Self.decode("\u{1B}[<1;1;1M") == [.mouse(MouseEvent(.middle, x: 0, y: 0))])
        #expect(Self.decode("\u{1B}[<2;300;80M") == [.mouse(MouseEvent(.right, x: 299, y: 79))], "columns past 223, which the old encoding cannot reach")
        #expect(Self.decode("\u{1B}[<64;3;4M") == [.mouse(MouseEvent(.wheelUp, x: 2, y: 3))])
        #expect(Self.decode("\u{1B}[<65;3;4M") == [.mouse(MouseEvent(.wheelDown, x: 2, y: 3))])
        #expect(Self.decode("\u{1B}[<16;3;4M") == [.mouse(MouseEvent(.left, x: 2, y: 3))], "Ctrl held: still a click")
    }

    @Test func releasesMotionAndOtherButtonsAreDropped() {
        #expect(Self.decode("\u{1B}[<0;10;5m") == [])
        #expect(Self.decode("\u{1B}[<32;10;5M") == [], "motion with a button held")
        #expect(Self.decode("\u{1B}[<66;10;5M") == [], "horizontal wheel")
        #expect(Self.decode("\u{1B}[<0;0;5M") == [], "no column 0")
    }

    @Test func aClickBetweenKeysLeavesTheKeysAlone() {
        #expect(Self.decode("j\u{1B}[<0;2;3M\u{1B}[<0;2;3mk") == [.key(.character("j")), .mouse(MouseEvent(.left, x: 1, y: 2)), .key(.character("k"))])
    }

    @Test func aMalformedOrEndlessReportIsGivenBackAsKeys() {
        let broken = Self.decode("\u{1B}[<0;1x")
        #expect(broken.first == .key(.alt("[")))
        #expect(broken.last == .key(.character("x")))
        #expect(!broken.contains { if case .mouse = $0 { true } else { false } })
        let endless = Self.decode("\u{1B}[<" + String(repeating: "1", count: 10_000) + "M")
        #expect(!endless.contains { if case .mouse = $0 { true } else { false } }, "a report has at most 17 parameter characters")
        #expect(Self.decode("\u{1B}[<1;2M") .allSatisfy { if case .mouse = $0 { false } else { true } }, "two numbers are not a report")
        var decoder = KeySequenceDecoder()
        _ = KeySequenceDecoderTests.feed("\u{1B}[<0;4", to: &decoder)
        #expect(decoder.isAfterEscape && decoder.isInPasteStart, "the rest of a report is worth the ESC delay")
        #expect(decoder.flush().count == 5, "ESC [ then < 0 ; 4 as keys when nothing more comes")
    }
}

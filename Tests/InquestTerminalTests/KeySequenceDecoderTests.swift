import InquestViewModel
import Testing
@testable import InquestTerminal

struct KeySequenceDecoderTests {
    /// Feeds each scalar of `text` as a character read, as curses hands over what it does not know.
    static func feed(_ text: String, to decoder: inout KeySequenceDecoder) -> [TerminalInput] {
        text.unicodeScalars.flatMap { decoder.feed(.character($0.value)) }
    }

    static func decode(_ text: String) -> [TerminalInput] {
        var decoder = KeySequenceDecoder()
        return feed(text, to: &decoder) + decoder.flush()
    }

    @Test func plainKeysDecodeOneByOne() {
        var decoder = KeySequenceDecoder()
        #expect(Self.feed("j/", to: &decoder) == [.key(.character("j")), .key(.character("/"))])
        #expect(decoder.feed(.keyCode(258)) == [.key(.down)])
        #expect(decoder.feed(.character(0)) == [])
    }

    @Test func escapeStandsAloneOrMakesAltAsBefore() {
        #expect(Self.decode("\u{1B}") == [.key(.escape)])
        #expect(Self.decode("\u{1B}x") == [.key(.alt("x"))])
        #expect(Self.decode("\u{1B}\u{1B}") == [.key(.escape), .key(.escape)])
        var decoder = KeySequenceDecoder()
        _ = decoder.feed(.character(27))
        #expect(decoder.feed(.keyCode(258)) == [.key(.escape), .key(.down)])
    }

    @Test func theStartOfAPasteMarkerThatGoesNowhereIsKeys() {
        #expect(Self.decode("\u{1B}[") == [.key(.alt("["))])
        #expect(Self.decode("\u{1B}[20x") == [.key(.alt("[")), .key(.character("2")), .key(.character("0")), .key(.character("x"))])
        #expect(Self.decode("\u{1B}[2\u{1B}q") == [.key(.alt("[")), .key(.character("2")), .key(.alt("q"))])
    }

    @Test func aBracketedPasteIsOneInputWithItsTextSanitised() {
        let input = "\u{1B}[200~service:api\r\nseverity>=error\ttimeout\u{1B}[31m\u{7}\u{202E}\u{1B}[201~j"
        #expect(Self.decode(input) == [.pasted("service:api\nseverity>=error timeout[31m"), .key(.character("j"))])
    }

    @Test func aPasteSplitAcrossReadsIsDeliveredWhenItsEndArrives() {
        // Given a paste whose markers and text arrive in pieces, as reads return them
        var decoder = KeySequenceDecoder()
        #expect(Self.feed("\u{1B}[20", to: &decoder) == [])
        #expect(decoder.isInPasteStart)
        #expect(Self.feed("0~first half, ", to: &decoder) == [])
        #expect(decoder.isPasting)
        #expect(Self.feed("second half\u{1B}[20", to: &decoder) == [])

        // When the rest of the end marker arrives
        let inputs = Self.feed("1~", to: &decoder)

        // Then the whole text is one paste and the decoder is back to keys
        #expect(inputs == [.pasted("first half, second half")])
        #expect(!decoder.isPasting && !decoder.isAfterEscape)
    }

    @Test func somethingLikeTheEndMarkerInsideAPasteIsText() {
        #expect(Self.decode("\u{1B}[200~a\u{1B}[201x\u{1B}\u{1B}[201~") == [.pasted("a[201x")])
    }

    @Test func aPasteWhoseEndNeverComesIsDeliveredOnFlush() {
        var decoder = KeySequenceDecoder()
        _ = Self.feed("\u{1B}[200~half a paste\u{1B}[2", to: &decoder)
        #expect(decoder.flush() == [.pasted("half a paste[2")])
        #expect(decoder.feed(.character(0x71)) == [.key(.character("q"))])
    }

    @Test func keysDecodedByCursesInsideAPasteAreNotKeys() {
        var decoder = KeySequenceDecoder()
        _ = Self.feed("\u{1B}[200~a", to: &decoder)
        #expect(decoder.feed(.keyCode(259)) == [])  // KEY_UP
        #expect(decoder.feed(.keyCode(343)) == [])  // KEY_ENTER: a line break
        #expect(Self.feed("b\u{1B}[201~", to: &decoder) == [.pasted("a\nb")])
    }

    @Test func sixteenThousandPastedCharactersAreOneInput() {
        let text = String(repeating: "severity>=error ", count: 1_000)
        #expect(Self.decode("\u{1B}[200~" + text + "\u{1B}[201~") == [.pasted(text)])
    }

    @Test func anEmptyPasteIsNothing() {
        #expect(Self.decode("\u{1B}[200~\u{7}\u{1B}[201~") == [])
    }

    @Test func theFatalSignalRestoreTurnsBracketedPasteOff() {
        #expect(BracketedPasteMode.on.description == "\u{1B}[?2004h")
        #expect(FatalSignalRestore.restoreSequence.description.contains(BracketedPasteMode.off.description))
    }
}

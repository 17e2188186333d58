import InquestText
import Testing

/// Lines break at the last space that fits (dropping it), or where the room ends in a run
/// without spaces; `keep` protects a label at the start of the first line.
struct WordWrapTests {
    static func lines(_ text: String, room: Int, keep: Int = 0) -> [String] {
        let characters = Array(text)
        return WordWrap.ranges(
            columns: characters.map(DisplayWidth.of), isBreak: { characters[$0] == " " }, room: { _ in room }, keep: keep
        ).map { String(characters[$0]) }
    }

    @Test func breaksAtTheLastSpaceThatFits() {
        #expect(Self.lines("one two three", room: 8) == ["one two", "three"])
        #expect(Self.lines("one two", room: 20) == ["one two"])
    }

    @Test func cutsARunWithoutSpacesWhereTheRoomEnds() {
        #expect(Self.lines("abcdefghij", room: 4) == ["abcd", "efgh", "ij"])
    }

    @Test func countsDoubleWidthColumns() {
        #expect(Self.lines("支付失败", room: 5) == ["支付", "失败"])
    }

    @Test func neverBreaksInsideTheKeptLabel() {
        #expect(Self.lines("key value", room: 6, keep: 4) == ["key va", "lue"])
    }
}

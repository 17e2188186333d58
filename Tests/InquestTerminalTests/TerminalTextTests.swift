import Testing
@testable import InquestTerminal

struct TerminalTextTests {
    typealias Chunk = TerminalText.Chunk

    /// A wcwidth like glibc's for the scalars used here: ZWJ and VS16 0, ❤ 1, CJK and 😀/👩/💻 2.
    static func fakeWcwidth(_ value: UInt32) -> Int {
        switch value {
        case 0x200D, 0xFE0F, 0x301: 0
        case 0x4E00...0x9FFF, 0x1F600...0x1F64F, 0x1F469, 0x1F4BB: 2
        case 0x00...0x1F: -1
        default: 1
        }
    }

    static func scalars(_ text: String) -> [UInt32] { text.unicodeScalars.map(\.value) }

    @Test func agreeingTextIsOneChunk() {
        #expect(TerminalText.chunks("ab日本e\u{301}😀", scalarWidth: Self.fakeWcwidth)
            == [Chunk(offset: 0, scalars: Self.scalars("ab日本e\u{301}😀"))])
    }

    @Test func zwjSequenceIsDrawnAsItsBaseAtItsOwnColumn() {
        #expect(TerminalText.chunks("a👩‍💻b", scalarWidth: Self.fakeWcwidth) == [
            Chunk(offset: 0, scalars: Self.scalars("a")),
            Chunk(offset: 1, scalars: Self.scalars("👩")),
            Chunk(offset: 3, scalars: Self.scalars("b")),
        ])
    }

    @Test func emojiWithVariationSelectorIsPaddedToTwoColumns() {
        #expect(TerminalText.chunks("❤️x", scalarWidth: Self.fakeWcwidth) == [
            Chunk(offset: 0, scalars: Self.scalars("❤ ")),
            Chunk(offset: 2, scalars: Self.scalars("x")),
        ])
    }

    @Test func emptyTextHasNoChunks() {
        #expect(TerminalText.chunks("", scalarWidth: Self.fakeWcwidth).isEmpty)
    }
}

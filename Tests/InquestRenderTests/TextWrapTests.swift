import Testing
@testable import InquestRender

/// Note bodies wrap between words, by display width, and cut only runs without spaces.
struct TextWrapTests {
    @Test func breaksBetweenWords() {
        #expect(TextWrap.lines("errors stopped at 11:09", width: 20) == ["errors stopped at", "11:09"])
        #expect(TextWrap.lines("short", width: 20) == ["short"])
        #expect(TextWrap.lines("", width: 20) == [""])
    }

    @Test func cutsARunWithoutSpacesWhereTheWidthEnds() {
        #expect(TextWrap.lines("see https://example.com/a/very/long/path", width: 12)
            == ["see", "https://exam", "ple.com/a/ve", "ry/long/path"])
        #expect(TextWrap.lines("word https://example.com/x", width: 12) == ["word", "https://exam", "ple.com/x"])
    }

    @Test func countsWideCharactersTwice() {
        #expect(TextWrap.lines("支付失败 用户取消", width: 10) == ["支付失败", "用户取消"])
        #expect(TextWrap.lines("支付失败用户取消", width: 5) == ["支付", "失败", "用户", "取消"])
    }
}

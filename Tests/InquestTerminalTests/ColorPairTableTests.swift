import Testing
@testable import InquestTerminal

struct ColorPairTableTests {
    @Test func defaultColoursUsePairZero() {
        var table = ColorPairTable(capacity: 64)
        #expect(table.pair(foreground: -1, background: -1) == .existing(0))
        #expect(table.allocatedCount == 0)
    }

    @Test func allocatesLazilyAndReusesPairs() {
        var table = ColorPairTable(capacity: 64)
        #expect(table.pair(foreground: 1, background: -1) == .new(1))
        #expect(table.pair(foreground: 4, background: 0) == .new(2))
        #expect(table.pair(foreground: 1, background: -1) == .existing(1))
        #expect(table.allocatedCount == 2)
    }

    @Test func fallsBackToDefaultColoursWhenPairsRunOut() {
        var table = ColorPairTable(capacity: 3)
        #expect(table.pair(foreground: 1, background: -1) == .new(1))
        #expect(table.pair(foreground: 2, background: -1) == .new(2))
        #expect(table.pair(foreground: 3, background: -1) == .exhausted)
        #expect(table.pair(foreground: 2, background: -1) == .existing(2))
    }

    @Test func capsAtTheLargestShort() {
        #expect(ColorPairTable(capacity: 65536).limit == 32767)
        #expect(ColorPairTable(capacity: 0).limit == 1)
    }
}

import InquestCore
import Testing

/// The one duration reader: parts with units, and each caller's rule for bare numbers and fractions.
@Suite struct DurationTextTests {
    let second: Int64 = 1_000_000_000

    @Test func readsPartsWithUnitsInAnyCase() {
        #expect(DurationText.nanoseconds("15m", bareNumber: .rejected) == 900 * second)
        #expect(DurationText.nanoseconds("1H30M", bareNumber: .rejected) == 5_400 * second)
        #expect(DurationText.nanoseconds("1w2d3h4m5s", bareNumber: .rejected) == (604_800 + 172_800 + 10_800 + 240 + 5) * second)
        #expect(DurationText.nanoseconds("250ms", bareNumber: .rejected) == 250_000_000)
        #expect(DurationText.nanoseconds("1m30s250ms", bareNumber: .rejected) == 90 * second + 250_000_000)
        #expect(DurationText.nanoseconds(" 2h ", bareNumber: .rejected) == 7_200 * second)
        #expect(DurationText.nanoseconds("0s", bareNumber: .rejected) == 0)
    }

    @Test func eachCallerSaysWhatABareNumberIs() {
        #expect(DurationText.nanoseconds("15", bareNumber: .seconds) == 15 * second)
        #expect(DurationText.nanoseconds("15", bareNumber: .minutes) == 900 * second)
        #expect(DurationText.nanoseconds("15", bareNumber: .rejected) == nil)
        #expect(DurationText.nanoseconds("0.5", bareNumber: .seconds) == 500_000_000)
        #expect(DurationText.nanoseconds("0.5", bareNumber: .seconds, fractions: false) == nil)
    }

    @Test func fractionsOnlyWhereAllowed() {
        #expect(DurationText.nanoseconds("1.5h", bareNumber: .rejected) == 5_400 * second)
        #expect(DurationText.nanoseconds("1.5h", bareNumber: .rejected, fractions: false) == nil)
    }

    @Test(arguments: ["", " ", "m", "15x", "-5m", "+5m", "5m5", "1.2.3s", "1e3s", "inf", "nan", "h1", "99999999999999999999s", "106752d", "15 m"])
    func refusesWhatIsNotADuration(text: String) {
        #expect(DurationText.nanoseconds(text, bareNumber: .seconds) == nil, "\(text.debugDescription)")
    }
}

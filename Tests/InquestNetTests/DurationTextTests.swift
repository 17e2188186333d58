import InquestCore
import InquestNet
import Testing

@Suite("Duration text")
struct DurationTextTests {
    @Test(arguments: [("15s", 15.0), ("1h", 3600), ("1h30m", 5400), ("250ms", 0.25), ("2d", 172_800), ("15", 15), ("0.5", 0.5), ("1w", 604_800)])
    func readsPrometheusStyleDurations(text: String, seconds: Double) throws {
        #expect(try DurationText.seconds(text) == seconds)
    }

    @Test(arguments: ["", "h", "10x", "1.2.3s", "0s", "-5"])
    func rejectsNonsenseNamingTheOption(text: String) {
        #expect(throws: NetError.self) { try DurationText.seconds(text, name: "--since") }
    }
}

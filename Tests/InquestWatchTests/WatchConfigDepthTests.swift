import Foundation
import Testing

@testable import InquestWatch

/// A config nested deeper than any real one (issue 13: parsing must be depth-limited
/// everywhere) is a config error, not a stack overflow: libyaml stops at 1,000 levels.
@Suite struct WatchConfigDepthTests {
    @Test(arguments: [
        "feeds: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000),
        "feeds: " + String(repeating: "{a: ", count: 100_000) + "1" + String(repeating: "}", count: 100_000),
    ])
    func aConfigNested100000DeepIsAnInvalidConfig(text: String) {
        #expect(throws: WatchError.self) { try WatchConfig.parse(text, path: "deep.yaml") }
    }
}

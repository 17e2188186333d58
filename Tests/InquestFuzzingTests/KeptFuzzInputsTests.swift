import Foundation
import InquestFuzzing
import Testing

/// Every input kept in `Fuzz/Regressions/TARGET/` (the hand-written reproducers of crashes and
/// slow paths found with hostile input, and whatever `Fuzz/run.sh` finds) runs through its
/// target without crashing. A crash ends the test process, so it fails the run.
@Suite struct KeptFuzzInputsTests {
    static let regressions = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fuzz/Regressions")

    static func keptInputs(_ target: FuzzTarget) throws -> [URL] {
        let directory = regressions.appendingPathComponent(target.rawValue)
        return try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { !$0.lastPathComponent.hasPrefix(".") }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    @Test(arguments: FuzzTarget.allCases)
    func everyKeptInputRunsThroughItsTarget(target: FuzzTarget) throws {
        let inputs = try Self.keptInputs(target)
        #expect(!inputs.isEmpty, "Fuzz/Regressions/\(target.rawValue) keeps at least the hand-written hostile inputs")
        for input in inputs {
            target.run(Array(try Data(contentsOf: input)))
        }
    }

    @Test func everyTargetHasItsDirectory() throws {
        let directories = try FileManager.default.contentsOfDirectory(atPath: Self.regressions.path).filter { !$0.hasPrefix(".") }
        #expect(Set(directories) == Set(FuzzTarget.allCases.map(\.rawValue)), "a directory per target, and no other")
    }
}

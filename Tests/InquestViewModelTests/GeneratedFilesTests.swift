import Foundation
import Testing
@testable import InquestViewModel

/// docs/keybindings.md and DefaultKeymap.swift are generated; these tests fail when they
/// are stale and rewrite them with `INQUEST_RECORD=1 swift test`.
@Suite struct GeneratedFilesTests {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let recording = ProcessInfo.processInfo.environment["INQUEST_RECORD"] == "1"

    static func swiftEmbedding(_ keymapText: String) -> String {
        """
        // Generated from default.keymap by GeneratedFilesTests (INQUEST_RECORD=1 swift test). Do not edit.

        /// The shipped key bindings, embedded so the binary does not need the repository.
        public enum DefaultKeymap {
            /// The text of `default.keymap`.
            public static let text = #\"\"\"
        \(keymapText)\"\"\"#
        }

        """
    }

    func check(_ relativePath: String, expected: String) throws {
        let url = Self.repositoryRoot.appendingPathComponent(relativePath)
        if Self.recording {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try expected.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let actual = try? String(contentsOf: url, encoding: .utf8)
        #expect(actual == expected, "\(relativePath) is stale: run INQUEST_RECORD=1 swift test and commit it")
    }

    @Test func keybindingsDocIsUpToDate() throws {
        try check("docs/keybindings.md", expected: HelpGenerator.markdown(for: .defaults))
    }

    @Test func embeddedDefaultKeymapMatchesTheFile() throws {
        let url = Self.repositoryRoot.appendingPathComponent("Sources/InquestViewModel/default.keymap")
        let text = try String(contentsOf: url, encoding: .utf8)
        try check("Sources/InquestViewModel/DefaultKeymap.swift", expected: Self.swiftEmbedding(text))
        if !Self.recording { #expect(DefaultKeymap.text + "\n" == text) }
    }
}

import Foundation
import Testing
@testable import InquestRender

/// `BundledThemes.swift` must hold exactly the text of `themes/*.json`, so the binary works
/// without the checkout. Re-record with `INQUEST_RECORD=1 swift test --filter ThemeBundlingTests`.
struct ThemeBundlingTests {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let themesDirectory = repositoryRoot.appendingPathComponent("themes")
    static let bundledSource = repositoryRoot.appendingPathComponent("Sources/InquestRender/BundledThemes.swift")

    static func themeFiles() throws -> [(name: String, json: String)] {
        let names = try FileManager.default.contentsOfDirectory(atPath: themesDirectory.path)
            .filter { $0.hasSuffix(".json") }
            .sorted()
        return try names.map { file in
            let text = try String(contentsOf: themesDirectory.appendingPathComponent(file), encoding: .utf8)
            return (String(file.dropLast(5)), text)
        }
    }

    /// The exact Swift source `BundledThemes.swift` must contain.
    static func generatedSource(_ files: [(name: String, json: String)]) -> String {
        var lines = [
            "// Generated from themes/*.json by ThemeBundlingTests. Do not edit: change the JSON and run",
            "// `INQUEST_RECORD=1 swift test --filter ThemeBundlingTests`; the test fails while this file is stale.",
            "",
            "/// The theme files compiled into the binary, so `inquest` works without the repository checkout.",
            "enum BundledThemes {",
            "    static let sources: [(name: String, json: String)] = [",
        ]
        for file in files {
            let body = file.json.hasSuffix("\n") ? String(file.json.dropLast()) : file.json
            lines.append("        (name: \"\(file.name)\", json: #####\"\"\"")
            lines.append(body)
            lines.append("\"\"\"#####),")
        }
        lines.append("    ]")
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func bundledThemesMatchTheThemeFiles() throws {
        let expected = Self.generatedSource(try Self.themeFiles())
        let actual = (try? String(contentsOf: Self.bundledSource, encoding: .utf8)) ?? ""
        if ProcessInfo.processInfo.environment["INQUEST_RECORD"] == "1", actual != expected {
            try expected.write(to: Self.bundledSource, atomically: true, encoding: .utf8)
            Issue.record("Re-recorded \(Self.bundledSource.path); rebuild and run the tests again.")
            return
        }
        #expect(actual == expected, "BundledThemes.swift is stale: run INQUEST_RECORD=1 swift test --filter ThemeBundlingTests")
    }

    @Test func everyThemeFileIsBundledUnderItsName() throws {
        let files = try Self.themeFiles()
        #expect(Theme.bundledNames == files.map(\.name))
        for file in files {
            let fromFile = try Theme(json: file.json, file: file.name)
            #expect(try Theme.bundled(file.name) == fromFile)
            #expect(fromFile.name == file.name, "the name inside \(file.name).json must match its file name")
        }
    }
}

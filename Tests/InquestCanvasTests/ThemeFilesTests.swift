import Foundation
import InquestRender
import Testing
@testable import InquestCanvas

/// `--theme NAME` read from the user's theme directory by the canvas runtime.
@Suite struct ThemeFilesTests {
    @Test func userThemeDirectoryWinsOverBundledThemes() throws {
        let config = FileManager.default.temporaryDirectory.appendingPathComponent("inquest-theme-\(UUID().uuidString)")
        let themes = config.appendingPathComponent("inquest/themes")
        try FileManager.default.createDirectory(at: themes, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: config) }
        try #"{"name": "dark", "description": "mine", "roles": {"base": {"fg": "red"}}}"#
            .write(to: themes.appendingPathComponent("dark.json"), atomically: true, encoding: .utf8)
        try #"{"name": "broken", "roles": {"base": {"fg": "$nope"}}}"#
            .write(to: themes.appendingPathComponent("broken.json"), atomically: true, encoding: .utf8)
        let environment = ["XDG_CONFIG_HOME": config.path]

        let dark = try ThemeFiles.theme(named: "dark", environment: environment)
        #expect(dark.description == "mine")
        #expect(dark.style(for: .base).fg == .ansi(1))
        let light = try ThemeFiles.theme(named: "light", environment: environment)
        #expect(light == (try Theme.bundled("light")))
        #expect(throws: RenderError.unknownPaletteColor(
            file: themes.appendingPathComponent("broken.json").path, role: "base", field: "fg", name: "nope", palette: [])
        ) { try ThemeFiles.theme(named: "broken", environment: environment) }
        #expect(throws: RenderError.themeNotFound(
            name: "nosuch", searched: themes.path + " and the bundled themes",
            available: ["broken", "dark", "high-contrast", "light", "monochrome"])
        ) { try ThemeFiles.theme(named: "nosuch", environment: environment) }
    }

    @Test func aPathInTheNameIsNotReadFromDisk() throws {
        let environment = ["XDG_CONFIG_HOME": "/nonexistent"]
        #expect(throws: RenderError.self) { try ThemeFiles.theme(named: "../../etc/passwd", environment: environment) }
        #expect(try ThemeFiles.theme(named: "dark", environment: environment) == (try Theme.bundled("dark")))
    }
}

import Foundation
import Testing
@testable import InquestCanvas

/// Issue 17 items 8 and 9: the settings file's `mouse` and `clipboard` switches.
@Suite struct CanvasConfigTests {
    @Test func defaultsAreOnAndTheFileTurnsThemOff() throws {
        #expect(CanvasConfig().mouse && CanvasConfig().clipboard)
        let config = try CanvasConfig(parsing: """
            # the canvas's settings
            mouse = off
            Clipboard=OFF   # over SSH without OSC 52

            """, source: "config")
        #expect(!config.mouse)
        #expect(!config.clipboard)
        #expect(config.path == "config")
    }

    @Test(arguments: [
        ("mouse off", "config:1: expected `key = value`"),
        ("mouse = sometimes", "config:1: `mouse` takes on or off"),
        ("\nmuose = off", "config:2: unknown setting `muose`"),
    ])
    func mistakesNameTheLine(text: String, message: String) {
        #expect {
            _ = try CanvasConfig(parsing: text, source: "config")
        } throws: { error in
            "\(error)".contains(message)
        }
    }

    @Test func theFileIsReadFromTheConfigDirectoryAndMayBeAbsent() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("inquest-config-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(try CanvasConfig.load(environment: ["XDG_CONFIG_HOME": directory.path]) == CanvasConfig())
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("inquest"), withIntermediateDirectories: true)
        try Data("mouse = off\n".utf8).write(to: directory.appendingPathComponent("inquest/config"))
        let config = try CanvasConfig.load(environment: ["XDG_CONFIG_HOME": directory.path])
        #expect(!config.mouse && config.clipboard)
        #expect(CanvasConfig.path(environment: ["HOME": "/home/u"]) == "/home/u/.config/inquest/config")
    }
}

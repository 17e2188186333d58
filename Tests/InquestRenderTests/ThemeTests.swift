import Foundation
import InquestCore
import Testing
@testable import InquestRender

struct ThemeTests {
    @Test(arguments: Theme.bundledNames)
    func everyBundledThemeDefinesEveryRole(_ name: String) throws {
        let theme = try Theme.bundled(name)
        #expect(theme.missingRoles.isEmpty, "\(name) lacks \(theme.missingRoles)")
        #expect(Set(theme.styles.keys) == Set(StyleRole.all))
    }

    @Test func bundlesTheFourRequiredThemes() {
        #expect(Theme.bundledNames == ["dark", "high-contrast", "light", "monochrome"])
    }

    @Test func monochromeUsesAttributesOnly() throws {
        let theme = try Theme.bundled("monochrome")
        for (role, style) in theme.styles {
            #expect(style.fg == .default && style.bg == .default, "\(role) has a colour")
        }
        #expect(theme.style(for: .selection).reverse)
    }

    @Test func catalogueHasNoDuplicatesAndCoversSeveritiesAndSources() {
        #expect(Set(StyleRole.all).count == StyleRole.all.count)
        #expect(StyleRole.all.count == 73)
        for severity in Severity.allCases {
            #expect(StyleRole.severity(severity).name == "timeline.severity.\(severity.name)")
        }
        for kind in SourceKind.allCases {
            #expect(StyleRole.source(kind).name == "source.\(kind.rawValue)")
        }
    }

    @Test func resolvesPaletteReferencesAndAttributes() throws {
        let theme = try Theme(json: """
            {"name": "t", "palette": {"red": "#e06c75"},
             "roles": {"base": {}, "timeline.severity.error": {"fg": "$red", "bg": "blue", "bold": true},
                       "selection": {"bg": "bright-black", "reverse": true}}}
            """, file: "t.json")
        #expect(theme.style(for: .timelineSeverityError) == ResolvedStyle(fg: .rgb(0xE0, 0x6C, 0x75), bg: .ansi(4), bold: true))
        #expect(theme.style(for: .selection) == ResolvedStyle(bg: .ansi(8), reverse: true))
        #expect(theme.style(for: .helpKey) == .plain, "undefined roles fall back to base")
        #expect(theme.missingRoles.contains(.helpKey))
    }

    struct BadTheme: Sendable, CustomTestStringConvertible {
        let label: String
        let json: String
        let error: RenderError
        var testDescription: String { label }
    }

    static let badThemes: [BadTheme] = [
        BadTheme(
            label: "unknown palette reference",
            json: ##"{"name": "x", "palette": {"red": "#ff0000"}, "roles": {"timeline.severity.error": {"fg": "$rde"}}}"##,
            error: .unknownPaletteColor(file: "x.json", role: "timeline.severity.error", field: "fg", name: "rde", palette: ["red"])),
        BadTheme(
            label: "malformed colour",
            json: ##"{"name": "x", "roles": {"base": {"bg": "#12345"}}}"##,
            error: .invalidThemeField(file: "x.json", role: "base", field: "bg",
                detail: "'#12345' is not a colour; use #rrggbb, $paletteName, default or an ANSI colour name")),
        BadTheme(
            label: "unknown field",
            json: ##"{"name": "x", "roles": {"base": {"bolt": true}}}"##,
            error: .invalidThemeField(file: "x.json", role: "base", field: "bolt",
                detail: "unknown field; a role takes fg, bg, bold, underline, reverse, dim")),
        BadTheme(
            label: "attribute of the wrong type",
            json: ##"{"name": "x", "roles": {"selection": {"bold": "yes"}}}"##,
            error: .invalidThemeField(file: "x.json", role: "selection", field: "bold", detail: "expected a true/false value")),
        BadTheme(
            label: "unknown role",
            json: ##"{"name": "x", "roles": {"timeline.severity.eror": {}}}"##,
            error: .unknownRole(file: "x.json", role: "timeline.severity.eror")),
        BadTheme(
            label: "bad palette entry",
            json: ##"{"name": "x", "palette": {"red": "crimson"}, "roles": {}}"##,
            error: .invalidThemeField(file: "x.json", role: "palette", field: "red",
                detail: "'crimson' is not a colour; use #rrggbb or an ANSI colour name")),
        BadTheme(
            label: "missing roles object",
            json: ##"{"name": "x"}"##,
            error: .malformedTheme(file: "x.json", detail: "missing field 'roles'")),
    ]

    @Test(arguments: badThemes)
    func reportsTheFileRoleAndFieldOfABadTheme(_ bad: BadTheme) {
        #expect(throws: bad.error) { try Theme(json: bad.json, file: "x.json") }
    }

    @Test func reportsInvalidJSONWithTheFileName() {
        do {
            _ = try Theme(json: "{\"name\": ", file: "broken.json")
            Issue.record("expected an error")
        } catch let error as RenderError {
            guard case .malformedTheme(let file, _) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(file == "broken.json")
            #expect(error.description.hasPrefix("broken.json: not a valid theme file"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func errorMessagesSayWhereAndWhatToDo() {
        let message = RenderError.unknownPaletteColor(
            file: "themes/dark.json", role: "selection", field: "bg", name: "blu", palette: ["blue", "red"]
        ).description
        #expect(message == "themes/dark.json: role 'selection', field 'bg': '$blu' is not in the palette "
            + "(the palette defines blue, red). Add it to \"palette\" or use #rrggbb, default or an ANSI colour name.")
    }

    @Test func aUserThemeFileWinsOverTheBundledOneAndUnknownNamesListWhatExists() throws {
        let mine = Theme.UserFile(path: "/cfg/inquest/themes/dark.json", text: #"{"name": "dark", "description": "mine", "roles": {"base": {"fg": "red"}}}"#)
        let dark = try Theme.named("dark", userFile: mine, directory: "/cfg/inquest/themes", userNames: ["dark"], environment: [:])
        #expect(dark.description == "mine")
        #expect(dark.style(for: .base).fg == .ansi(1))
        let light = try Theme.named("light", userFile: nil, directory: "/cfg/inquest/themes", userNames: ["dark"], environment: [:])
        #expect(light == (try Theme.bundled("light")))
        let broken = Theme.UserFile(path: "/cfg/inquest/themes/broken.json", text: #"{"name": "broken", "roles": {"base": {"fg": "$nope"}}}"#)
        #expect(throws: RenderError.unknownPaletteColor(file: broken.path, role: "base", field: "fg", name: "nope", palette: [])) {
            try Theme.named("broken", userFile: broken, directory: "/cfg/inquest/themes", userNames: ["broken"], environment: [:])
        }
        #expect(throws: RenderError.themeNotFound(
            name: "nosuch", searched: "/cfg/inquest/themes and the bundled themes",
            available: ["broken", "dark", "high-contrast", "light", "monochrome"])
        ) { try Theme.named("nosuch", userFile: nil, directory: "/cfg/inquest/themes", userNames: ["broken", "dark"], environment: [:]) }
        #expect(Theme.isPlainName("solarized-2") && !Theme.isPlainName("../etc/passwd") && !Theme.isPlainName(""))
    }

    @Test func homeConfigIsUsedWithoutXDGConfigHome() {
        #expect(Theme.userThemeDirectory(environment: ["HOME": "/home/u"]) == "/home/u/.config/inquest/themes")
        #expect(Theme.userThemeDirectory(environment: ["HOME": "/home/u", "XDG_CONFIG_HOME": "/cfg"]) == "/cfg/inquest/themes")
        #expect(Theme.userThemeDirectory(environment: [:]) == nil)
    }

    @Test func noColorStripsColoursAndKeepsHighlightsVisible() throws {
        let environment = ["NO_COLOR": "1", "XDG_CONFIG_HOME": "/nonexistent"]
        let theme = try Theme.named("dark", userFile: nil, directory: nil, userNames: [], environment: environment)
        for style in theme.styles.values {
            #expect(style.fg == .default && style.bg == .default)
        }
        #expect(theme.style(for: .selection).reverse, "selection had a background colour, so it becomes reverse")
        #expect(theme.style(for: .timelineSeverityError).bold)
        #expect(!theme.style(for: .timelineMessage).reverse)
        let empty = try Theme.named("dark", userFile: nil, directory: nil, userNames: [], environment: ["NO_COLOR": ""])
        #expect(empty == (try Theme.bundled("dark")), "an empty NO_COLOR does not count")
    }
}

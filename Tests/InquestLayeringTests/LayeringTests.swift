import Foundation
import Testing

/// Reads the `import` lines of every Swift file under `Sources/<Target>/` and checks them
/// against the layers declared here, which must match the README's table ("Targets, lowest
/// first"): a target may import only targets below it.
@Suite struct LayeringTests {
    /// Every target under `Sources/`, lowest first (the README's table, in the same order).
    static let layers = [
        "InquestCore",
        "InquestText",
        "CSQLiteTuning", "CZstd", "InquestStore",
        "InquestParsers",
        "InquestNet",
        "COpenSSL", "InquestNotify",
        "InquestIngest",
        "InquestWatch",
        "InquestReport",
        "InquestExchange",
        "InquestTeam",
        "InquestAnalysis",
        "InquestFuzzing",
        "InquestViewModel",
        "InquestRender",
        "CNcursesw", "InquestTerminal",
        "InquestCanvas",
        "InquestTmux",
        "InquestCLI",
        "InquestBench",
        "InquestFuzz",
    ]

    /// Imports the order alone would allow but that a target has no use for.
    static let forbidden: [(importer: String, imported: String)] = [
        ("InquestCanvas", "InquestIngest"),
        ("InquestCanvas", "InquestParsers"),
        ("InquestNet", "InquestIngest"),
        ("InquestCLI", "InquestRender"),
        // The view model shows Core values; the team database reaches it through the canvas.
        ("InquestViewModel", "InquestTeam"),
        ("InquestRender", "InquestTeam"),
    ]

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func noTargetImportsOneAboveIt() throws {
        let imports = try Self.sourceImports()
        #expect(!imports.isEmpty, "no Swift files found under \(Self.root.path)/Sources")
        let rank = Dictionary(uniqueKeysWithValues: Self.layers.enumerated().map { ($1, $0) })
        var violations: [String] = []
        for line in imports {
            guard let importer = rank[line.target], let imported = rank[line.module], imported >= importer else { continue }
            let why = imported == importer ? "itself" : "\(line.module), a layer above it"
            violations.append("\(line.location) imports \(why)")
        }
        #expect(violations.isEmpty, "\(violations.joined(separator: "\n"))")
    }

    @Test func noTargetImportsWhatItHasNoUseFor() throws {
        let imports = try Self.sourceImports()
        #expect(!imports.isEmpty)
        let violations = imports.filter { line in
            Self.forbidden.contains { $0.importer == line.target && $0.imported == line.module }
        }.map { "\($0.location) imports \($0.module)" }
        #expect(violations.isEmpty, "\(violations.joined(separator: "\n"))")
    }

    @Test func everyTargetHasALayer() throws {
        let targets = try FileManager.default.contentsOfDirectory(atPath: Self.root.appendingPathComponent("Sources").path)
            .filter { !$0.hasPrefix(".") }
        #expect(Set(targets) == Set(Self.layers), "declare every Sources/ folder in `layers` and in the README's table")
    }

    @Test func theReadmeTableListsTheSameLayers() throws {
        let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
        let lines = readme.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let start = try #require(lines.firstIndex { $0.hasPrefix("Targets, lowest first") }, "README has no layering table")
        let known = Set(Self.layers)
        var listed: [String] = []
        for line in lines[start...].drop(while: { !$0.hasPrefix("|") }).prefix(while: { $0.hasPrefix("|") }) {
            let firstColumn = line.split(separator: "|", omittingEmptySubsequences: true).first ?? ""
            listed += firstColumn.split(separator: "`").map(String.init).filter(known.contains)
        }
        #expect(listed == Self.layers)
    }

    /// One `import` line of a source file.
    struct ImportLine {
        var target: String
        var module: String
        var location: String
    }

    static func sourceImports() throws -> [ImportLine] {
        let sources = root.appendingPathComponent("Sources")
        var result: [ImportLine] = []
        for target in try FileManager.default.contentsOfDirectory(atPath: sources.path) where !target.hasPrefix(".") {
            let folder = sources.appendingPathComponent(target)
            guard let walker = FileManager.default.enumerator(atPath: folder.path) else { continue }
            for case let path as String in walker where path.hasSuffix(".swift") {
                let text = try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
                for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                    guard let module = importedModule(line) else { continue }
                    result.append(ImportLine(target: target, module: module, location: "Sources/\(target)/\(path):\(number + 1)"))
                }
            }
        }
        return result
    }

    /// The module an `import` line names (`@testable import X`, `public import X`,
    /// `import struct X.Y`), or nil when the line is not an import.
    static func importedModule(_ line: Substring) -> String? {
        let modifiers: Set<Substring> = ["public", "package", "internal", "fileprivate", "private"]
        let kinds: Set<Substring> = ["typealias", "struct", "class", "enum", "protocol", "let", "var", "func"]
        var words = line.split(whereSeparator: \.isWhitespace)[...]
        while let word = words.first, word.hasPrefix("@") || modifiers.contains(word) { words.removeFirst() }
        guard words.popFirst() == "import" else { return nil }
        if let word = words.first, kinds.contains(word) { words.removeFirst() }
        return words.first?.split(separator: ".").first.map(String.init)
    }

    @Test(arguments: [
        ("import InquestCore", "InquestCore"),
        ("@testable import InquestRender", "InquestRender"),
        ("  public import struct InquestStore.MetricPoint", "InquestStore"),
        ("// import InquestCLI", nil),
        ("let importance = 1", nil),
    ] as [(String, String?)])
    func readsTheModuleOfAnImportLine(line: String, module: String?) {
        #expect(Self.importedModule(line[...]) == module)
    }
}

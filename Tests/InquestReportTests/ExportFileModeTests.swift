import Foundation
import Testing
@testable import InquestReport

@Suite("Exports hold raw records: written owner-only whatever the umask")
struct ExportFileModeTests {
    private func mode(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return ((attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1) & 0o7777
    }

    @Test(arguments: [ReportFormat.md, .json, .html])
    func writesEveryFileWithMode0600(format: ReportFormat) throws {
        let directory = (NSTemporaryDirectory() as NSString).appendingPathComponent("inquest-export-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let previous = umask(0o022)
        defer { umask(previous) }
        let document = try ReportFixtures.demoDocument()
        let written = try ReportWriter(environment: [:]).write(document, format: format, to: directory + "/report.\(format.fileExtension)")
        #expect(!written.isEmpty)
        for path in written {
            #expect(try mode(path) == 0o600, "\(path)")
        }
        // Rewriting replaces the file and keeps the mode; no temporary file is left behind.
        _ = try ReportWriter(environment: [:]).write(document, format: format, to: directory + "/report.\(format.fileExtension)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).allSatisfy { !$0.hasPrefix(".") })
    }
}

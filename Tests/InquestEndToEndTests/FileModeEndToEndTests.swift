import Foundation
import Testing

extension EndToEnd {
    /// Files that hold raw records (bundles) are written owner-only, like the store.
    @Suite struct FileModeEndToEndTests {
        let directory: URL

        init() throws {
            directory = try BinaryRunner.temporaryDirectory()
        }

        @Test func bundlesAreWrittenOwnerOnly() throws {
            let demo = directory.appendingPathComponent("demo.db").path
            #expect(try BinaryRunner.run(["demo", "--db", demo, "--summary"]).status == 0)
            let bundle = directory.appendingPathComponent("incident.bundle.json").path
            let written = try BinaryRunner.run(["bundle", "--db", demo, "1", "-o", bundle], environment: [:])
            #expect(written.status == 0, "\(written.stderr)")
            let attributes = try FileManager.default.attributesOfItem(atPath: bundle)
            #expect(((attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1) == 0o600)
        }
    }
}

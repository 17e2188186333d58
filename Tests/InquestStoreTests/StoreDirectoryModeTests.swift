import Foundation
import Testing
@testable import InquestStore

@Suite("A store directory others can write to is tightened, or reported")
struct StoreDirectoryModeTests {
    @Test func tightensAWorldWritableStoreDirectoryOfItsOwn() throws {
        let directory = try StoreFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(chmod(directory, 0o777) == 0)
        _ = try InquestStore.open(path: directory + "/inquest.db")
        #expect(try StoreFixtures.mode(directory) == 0o755)
    }

    @Test func leavesASharedStickyDirectoryAloneButSaysSo() throws {
        let directory = try StoreFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(chmod(directory, 0o1777) == 0)
        #expect(InquestStore.tightenDirectory(of: directory + "/inquest.db") == .leftShared(directory: directory, mode: 0o1777))
        #expect(try StoreFixtures.mode(directory) == 0o1777)
    }
}

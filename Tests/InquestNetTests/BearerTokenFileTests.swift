import Foundation
import Testing
@testable import InquestNet

@Suite("Bearer tokens kept in a file")
struct BearerTokenFileTests {
    private func tokenFile(_ text: String, mode: mode_t = 0o600) throws -> String {
        let path = NSTemporaryDirectory() + "inquest-token-\(UUID().uuidString)"
        try PrivateFileForTests.write(text, to: path)
        chmod(path, mode)
        return path
    }

    @Test func permitsOnlyTheTokenInTheFile() throws {
        let path = try tokenFile("s3cret\n")
        defer { unlink(path) }
        let tokens = BearerTokenFile(path: path)
        #expect(tokens.permits(authorization: "Bearer s3cret"))
        #expect(tokens.permits(authorization: "bearer s3cret"))
        #expect(!tokens.permits(authorization: "Bearer s3cre"))
        #expect(!tokens.permits(authorization: "Bearer s3cretx"))
        #expect(!tokens.permits(authorization: "Basic s3cret"))
        #expect(!tokens.permits(authorization: nil))
    }

    @Test func refusesAFileGroupOrOthersCanRead() throws {
        let path = try tokenFile("s3cret", mode: 0o644)
        defer { unlink(path) }
        let tokens = BearerTokenFile(path: path)
        #expect(throws: NetError.self) { try tokens.token() }
        #expect(!tokens.permits(authorization: "Bearer s3cret"))
        #expect(throws: NetError.self) { try BearerTokenFile(path: path + ".missing").token() }
    }

    @Test func replacingTheFileRevokesTheOldToken() throws {
        let path = try tokenFile("first")
        defer { unlink(path) }
        let tokens = BearerTokenFile(path: path)
        #expect(tokens.permits(authorization: "Bearer first"))
        // Replaced the usual way: a new file renamed over the old one.
        let replacement = try tokenFile("second")
        #expect(rename(replacement, path) == 0)
        #expect(!tokens.permits(authorization: "Bearer first"))
        #expect(tokens.permits(authorization: "Bearer second"))
    }

    @Test func comparesWholeTokens() {
        #expect(BearerTokenFile.constantTimeEqual(Array("abc".utf8), Array("abc".utf8)))
        #expect(!BearerTokenFile.constantTimeEqual(Array("abc".utf8), Array("abd".utf8)))
        #expect(!BearerTokenFile.constantTimeEqual(Array("abc".utf8), Array("ab".utf8)))
        #expect(!BearerTokenFile.constantTimeEqual([], Array("a".utf8)))
    }
}

enum PrivateFileForTests {
    static func write(_ text: String, to path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else { throw POSIXError(.EIO) }
    }
}

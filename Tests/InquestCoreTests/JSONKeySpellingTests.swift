import Foundation
import Testing
@testable import InquestCore

@Suite struct JSONKeySpellingTests {
    struct Keys: Codable, Equatable {
        var id: Int
        var traceID: String
        var investigationID: Int
        var timestampNs: Int
        var rawBase64: String
        var manifestSha256: String
    }

    static let value = Keys(id: 1, traceID: "t", investigationID: 2, timestampNs: 3, rawBase64: "r", manifestSha256: "m")

    @Test func snakeCaseRoundTripsInitialismsThatFoundationsDecoderWouldMiss() throws {
        // Given a value with `ID` initialisms, units and digits in its keys
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        encoder.keyEncodingStrategy = JSONKeySpelling.snakeCaseEncoding
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = JSONKeySpelling.snakeCaseDecoding
        // When it is written snake_case and read back
        let data = try encoder.encode(Self.value)
        // Then every key is snake_case and the value survives
        #expect(String(decoding: data, as: UTF8.self)
            == #"{"id":1,"investigation_id":2,"manifest_sha256":"m","raw_base64":"r","timestamp_ns":3,"trace_id":"t"}"#)
        #expect(try decoder.decode(Keys.self, from: data) == Self.value)
    }

    @Test(arguments: [
        ("trace_id", "traceID"), ("source_store_id", "sourceStoreID"), ("timestamp_ns", "timestampNs"),
        ("raw_base64", "rawBase64"), ("id", "id"), ("message", "message"), ("_private", "_private"), ("raw_Base64", "raw_Base64"),
    ])
    func readsSnakeCaseWords(snake: String, camel: String) {
        #expect(JSONKeySpelling.camelCase(fromSnakeCase: snake) == camel)
    }

    @Test(arguments: [("traceId", "traceID"), ("investigationId", "investigationID"), ("eventID", "eventID"), ("id", "id"), ("Id", "Id"), ("idle", "idle")])
    func version1ReadsAFinalIdAsID(written: String, property: String) {
        #expect(JSONKeySpelling.foldingFinalId(written) == property)
    }

    @Test func version1ReadsBothSpellingsAndWritesTheOneAsked() throws {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = JSONKeySpelling.version1Decoding
        let json = #"{"id":1,"investigationId":2,"manifestSha256":"m","rawBase64":"r","timestampNs":3,"traceID":"t"}"#
        #expect(try decoder.decode(Keys.self, from: Data(json.utf8)) == Self.value)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        encoder.keyEncodingStrategy = JSONKeySpelling.version1Encoding(idSpelledId: true)
        #expect(String(decoding: try encoder.encode(Self.value), as: UTF8.self)
            == #"{"id":1,"investigationId":2,"manifestSha256":"m","rawBase64":"r","timestampNs":3,"traceId":"t"}"#)
    }
}

import Foundation
import InquestReport
import Testing

@Suite struct SchemaConformanceTests {
    static let schemaURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("schemas/investigation-export.v2.schema.json")

    static func validator() throws -> MiniSchemaValidator {
        MiniSchemaValidator(schema: try JSONValue.parse(try Data(contentsOf: schemaURL)))
    }

    @Test func demoExportConformsToTheSchema() throws {
        let json = try ReportJSON.render(try ReportFixtures.demoDocument())
        let violations = try Self.validator().violations(of: try JSONValue.parse(Data(json.utf8)))
        #expect(violations.isEmpty, "\(violations.joined(separator: "\n"))")
    }

    @Test func schemaNamesTheVersionAndIDTheCodeWrites() throws {
        let schema = try JSONValue.parse(try Data(contentsOf: Self.schemaURL))
        #expect(schema["$id"] == .string(InvestigationDocument.schemaID))
        #expect(schema["properties"]?["schema_version"]?["const"] == .integer(Int64(InvestigationDocument.currentSchemaVersion)))
        #expect(schema["$schema"] == .string("https://json-schema.org/draft/2020-12/schema"))
    }

    @Test func validatorRejectsADocumentMissingMembersOrWithWrongTypes() throws {
        let broken = JSONValue.object([
            "schema_version": .integer(2), "export": .object([:]), "header": .string("x"), "timeline": .array([]),
            "notes": .array([]), "footnotes": .array([]), "density": .object(["bucket_width_ns": .integer(-1), "buckets": .array([])]),
            "appendix": .array([]),
        ])
        let violations = try Self.validator().violations(of: broken)
        #expect(violations.contains("$: missing required member audit"))
        #expect(violations.contains("$.export: missing required member zone"))
        #expect(violations.contains { $0.hasPrefix("$.header: expected object") })
        #expect(violations.contains { $0.hasPrefix("$.density.bucket_width_ns: -1.0 is below the minimum") })
    }
}

/// Exports written by released versions must keep reading. `Tests/Fixtures/exports/demo-v1.json`
/// is the demo document as schema version 1 wrote it (camelCase keys: `traceID`, `schemaVersion`).
@Suite struct ReleasedExportTests {
    static let fixture = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/exports/demo-v1.json")
    static let v1SchemaURL = SchemaConformanceTests.schemaURL.deletingLastPathComponent()
        .appendingPathComponent("investigation-export.v1.schema.json")

    @Test func aVersion1ExportReadsAsTheSameDocument() throws {
        // Given the demo export written by schema version 1, valid against the version 1 schema
        let data = try Data(contentsOf: Self.fixture)
        let v1Schema = MiniSchemaValidator(schema: try JSONValue.parse(try Data(contentsOf: Self.v1SchemaURL)))
        #expect(try v1Schema.violations(of: try JSONValue.parse(data)).isEmpty)
        // When it is read
        var document = try ReportJSON.decode(data)
        // Then it is the document this build exports, but for the version it was written as
        #expect(document.schemaVersion == 1)
        document.schemaVersion = InvestigationDocument.currentSchemaVersion
        #expect(document == (try ReportFixtures.demoDocument()))
    }

    @Test func version2RoundTripsThroughItsSnakeCaseJSON() throws {
        // Given the demo document rendered as version 2
        let document = try ReportFixtures.demoDocument()
        let json = try ReportJSON.render(document)
        // Then its keys are snake_case, and it reads back as the same document
        #expect(json.contains(#""schema_version" : 2"#) && json.contains(#""about_event_id" : "#) && json.contains(#""event_id" : "#))
        #expect(!json.contains(#""aboutEventID""#) && !json.contains(#""schemaVersion""#) && !json.contains(#""eventID""#))
        #expect(try ReportJSON.decode(Data(json.utf8)) == document)
    }
}

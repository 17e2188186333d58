import Foundation
import InquestReport
import Testing

@Suite struct SchemaConformanceTests {
    static let schemaURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("schemas/investigation-export.v1.schema.json")

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
        #expect(schema["properties"]?["schemaVersion"]?["const"] == .integer(Int64(InvestigationDocument.currentSchemaVersion)))
        #expect(schema["$schema"] == .string("https://json-schema.org/draft/2020-12/schema"))
    }

    @Test func validatorRejectsADocumentMissingMembersOrWithWrongTypes() throws {
        let broken = JSONValue.object([
            "schemaVersion": .integer(1), "export": .object([:]), "header": .string("x"), "timeline": .array([]),
            "notes": .array([]), "footnotes": .array([]), "density": .object(["bucketWidthNs": .integer(-1), "buckets": .array([])]),
            "appendix": .array([]),
        ])
        let violations = try Self.validator().violations(of: broken)
        #expect(violations.contains("$: missing required member audit"))
        #expect(violations.contains("$.export: missing required member zone"))
        #expect(violations.contains { $0.hasPrefix("$.header: expected object") })
        #expect(violations.contains { $0.hasPrefix("$.density.bucketWidthNs: -1.0 is below the minimum") })
    }
}

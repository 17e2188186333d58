import Foundation

extension Theme {
    /// Parses a theme file.
    ///
    /// Format (lnav-like): `{"name": "dark", "description": "...", "palette": {"red": "#e06c75"},
    /// "roles": {"timeline.severity.error": {"fg": "$red", "bg": "default", "bold": true,
    /// "underline": false, "reverse": false, "dim": false}}}`. Colours are `#rrggbb`, `$paletteName`,
    /// `default`, or an ANSI name (`black`, `red`, `green`, `yellow`, `blue`, `magenta`, `cyan`,
    /// `white`, each also as `bright-<name>`). Every role field is optional (colours default to
    /// `default`, attributes to false); unknown fields and unknown roles are errors, so typos show.
    ///
    /// - Parameter file: how to name the file in error messages (a path, or `bundled:dark`).
    /// - Throws: ``RenderError`` naming the file, the role and the field.
    public init(json: String, file: String) throws {
        let document: ThemeDocument
        do {
            document = try JSONDecoder().decode(ThemeDocument.self, from: Data(json.utf8))
        } catch let problem as ThemeFieldProblem {
            throw RenderError.invalidThemeField(file: file, role: problem.role, field: problem.field, detail: problem.detail)
        } catch let error as DecodingError {
            throw Self.describe(error, file: file)
        }

        var palette: [String: TerminalColor] = [:]
        for (entry, text) in document.palette ?? [:] {
            guard let color = Self.parseLiteralColor(text) else {
                throw RenderError.invalidThemeField(
                    file: file, role: "palette", field: entry,
                    detail: "'\(text)' is not a colour; use #rrggbb or an ANSI colour name")
            }
            palette[entry] = color
        }

        let known = Set(StyleRole.all)
        var styles: [StyleRole: ResolvedStyle] = [:]
        for (roleName, spec) in document.roles {
            let role = StyleRole(roleName)
            guard known.contains(role) else { throw RenderError.unknownRole(file: file, role: roleName) }
            func color(_ text: String?, field: String) throws -> TerminalColor {
                guard let text else { return .default }
                if text.hasPrefix("$") {
                    let reference = String(text.dropFirst())
                    guard let resolved = palette[reference] else {
                        throw RenderError.unknownPaletteColor(
                            file: file, role: roleName, field: field, name: reference, palette: Array(palette.keys))
                    }
                    return resolved
                }
                guard let literal = Self.parseLiteralColor(text) else {
                    throw RenderError.invalidThemeField(
                        file: file, role: roleName, field: field,
                        detail: "'\(text)' is not a colour; use #rrggbb, $paletteName, default or an ANSI colour name")
                }
                return literal
            }
            styles[role] = ResolvedStyle(
                fg: try color(spec.fg, field: "fg"), bg: try color(spec.bg, field: "bg"),
                bold: spec.bold ?? false, underline: spec.underline ?? false,
                reverse: spec.reverse ?? false, dim: spec.dim ?? false)
        }
        self.init(name: document.name, description: document.description ?? "", styles: styles)
    }

    /// Parses `default`, `#rrggbb` or an ANSI name (`red`, `bright-red`); nil for anything else.
    static func parseLiteralColor(_ text: String) -> TerminalColor? {
        let lowered = text.lowercased()
        if lowered == "default" { return .default }
        if lowered.hasPrefix("#") {
            let hex = lowered.dropFirst()
            guard hex.count == 6, let value = UInt32(hex, radix: 16) else { return nil }
            return .rgb(UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF))
        }
        if let index = TerminalColor.ansiNames.firstIndex(of: lowered) { return .ansi(index) }
        if lowered.hasPrefix("bright-"), let index = TerminalColor.ansiNames.firstIndex(of: String(lowered.dropFirst(7))) {
            return .ansi(index + 8)
        }
        return nil
    }

    private static func describe(_ error: DecodingError, file: String) -> RenderError {
        func location(_ path: [any CodingKey]) -> (role: String, field: String)? {
            let keys = path.map(\.stringValue)
            guard keys.count >= 3, keys[0] == "roles" else { return nil }
            return (keys[1], keys[2])
        }
        switch error {
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            if let (role, field) = location(context.codingPath) {
                return .invalidThemeField(file: file, role: role, field: field, detail: "expected a \(type == Bool.self ? "true/false" : "string") value")
            }
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return .malformedTheme(file: file, detail: "field '\(path)' has the wrong type (expected \(type))")
        case .keyNotFound(let key, _):
            return .malformedTheme(file: file, detail: "missing field '\(key.stringValue)'")
        case .dataCorrupted(let context):
            let underlying = context.underlyingError.map { "\($0)" } ?? context.debugDescription
            return .malformedTheme(file: file, detail: "invalid JSON (\(underlying))")
        @unknown default:
            return .malformedTheme(file: file, detail: "\(error)")
        }
    }
}

/// The JSON shape of a theme file.
private struct ThemeDocument: Decodable {
    let name: String
    let description: String?
    let palette: [String: String]?
    let roles: [String: RoleSpec]
}

/// One role entry; rejects fields it does not know so that a typo (`"bolt": true`) is reported.
private struct RoleSpec: Decodable {
    let fg: String?
    let bg: String?
    let bold: Bool?
    let underline: Bool?
    let reverse: Bool?
    let dim: Bool?

    private enum Field: String, CodingKey, CaseIterable {
        case fg, bg, bold, underline, reverse, dim
    }

    private struct AnyKey: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    init(from decoder: any Decoder) throws {
        let role = decoder.codingPath.last?.stringValue ?? "?"
        let all = try decoder.container(keyedBy: AnyKey.self)
        for key in all.allKeys where Field(rawValue: key.stringValue) == nil {
            throw ThemeFieldProblem(
                role: role, field: key.stringValue,
                detail: "unknown field; a role takes \(Field.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let container = try decoder.container(keyedBy: Field.self)
        fg = try container.decodeIfPresent(String.self, forKey: .fg)
        bg = try container.decodeIfPresent(String.self, forKey: .bg)
        bold = try container.decodeIfPresent(Bool.self, forKey: .bold)
        underline = try container.decodeIfPresent(Bool.self, forKey: .underline)
        reverse = try container.decodeIfPresent(Bool.self, forKey: .reverse)
        dim = try container.decodeIfPresent(Bool.self, forKey: .dim)
    }
}

/// Thrown from inside decoding, where the file name is not known; turned into ``RenderError``.
private struct ThemeFieldProblem: Error {
    let role: String
    let field: String
    let detail: String
}

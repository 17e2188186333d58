import Foundation

/// Expands a feed's paths and globs (`*`, `?`, `[...]`, via glob(3)) into the existing regular
/// files they name, sorted and without duplicates. A plain path is kept even before it exists,
/// so a followed file that is created later is picked up.
enum PathPatterns {
    static func expand(_ patterns: [String]) -> [String] {
        var seen = Set<String>()
        var result: [String] = []
        for pattern in patterns {
            let matches = isGlob(pattern) ? glob(pattern) : [pattern]
            for path in matches where seen.insert(path).inserted {
                result.append(path)
            }
        }
        return result
    }

    static func isGlob(_ pattern: String) -> Bool {
        pattern.contains { $0 == "*" || $0 == "?" || $0 == "[" }
    }

    private static func glob(_ pattern: String) -> [String] {
        var results = glob_t()
        defer { globfree(&results) }
        guard Glibc.glob(pattern, 0, nil, &results) == 0 else { return [] }
        var paths: [String] = []
        for index in 0..<Int(results.gl_pathc) {
            if let cString = results.gl_pathv[index], let path = String(validatingCString: cString),
               FileIdentity.of(path: path) != nil {
                paths.append(path)
            }
        }
        return paths.sorted()
    }
}

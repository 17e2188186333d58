import Foundation
import InquestCore

/// What the importer checks of an event's attributes before storing them: a JSON object, nested
/// no deeper than the store keeps. Anything else, stored, would make every attribute filter fail.
enum AttributesCheck {
    /// Why `text` cannot be stored as attributes, or nil when it can.
    static func problem(in text: String) -> String? {
        let depth = AttributesNesting.depth(of: text.utf8)
        if depth > AttributesNesting.maximumDepth {
            return "nest \(depth) levels deep, more than the \(AttributesNesting.maximumDepth) stored"
        }
        // The depth is bounded now, so the recursive parser below cannot run out of stack.
        guard let value = try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed]) else {
            return "are not JSON (\(text.prefix(40).debugDescription))"
        }
        guard value is [String: Any] else {
            return "are not a JSON object (\(text.prefix(40).debugDescription))"
        }
        return nil
    }
}

/// Where a binding applies: everywhere, only while a pane has focus, or only while an
/// overlay is open.
public enum KeymapSection: Sendable, Hashable, Comparable {
    case global
    case pane(Pane)
    case overlay(KeymapOverlay)

    /// The section's name in keymap files (`global`, `timeline`...).
    public var name: String {
        switch self {
        case .global: "global"
        case .pane(let pane): pane.rawValue
        case .overlay(let overlay): overlay.rawValue
        }
    }

    /// Sections in file order: global, then panes in focus order, then overlays.
    public static let all: [KeymapSection] = [.global] + Pane.allCases.map { .pane($0) } + KeymapOverlay.allCases.map { .overlay($0) }

    public static func < (lhs: KeymapSection, rhs: KeymapSection) -> Bool {
        (all.firstIndex(of: lhs) ?? 0) < (all.firstIndex(of: rhs) ?? 0)
    }
}

/// Key bindings as data. A key resolves in the focused pane's section first, then in
/// `[global]` (as tig: pane map → generic map); user files override the defaults per key.
public struct Keymap: Sendable, Hashable {
    /// Bindings per section; a nil invocation unbinds the key (`key  none`).
    public var sections: [KeymapSection: [KeyPress: CommandInvocation?]]

    public init(sections: [KeymapSection: [KeyPress: CommandInvocation?]] = [:]) {
        self.sections = sections
    }

    /// The shipped bindings (`Sources/InquestViewModel/default.keymap`, embedded).
    public static let defaults: Keymap = (try? Keymap(parsing: DefaultKeymap.text, source: "default.keymap")) ?? Keymap()

    /// The defaults overridden by a user keymap text (`$XDG_CONFIG_HOME/inquest/keymap`).
    public static func loading(userText: String, source: String) throws(ViewModelError) -> Keymap {
        defaults.overridden(by: try Keymap(parsing: userText, source: source))
    }

    /// The command a key runs in a pane, or nil when it is unbound there.
    public func invocation(for key: KeyPress, in pane: Pane) -> CommandInvocation? {
        if let paneBindings = sections[.pane(pane)], let binding = paneBindings[key] {
            return binding
        }
        return sections[.global]?[key] ?? nil
    }

    /// The command a key runs while `overlay` is open, or nil when the overlay's section does
    /// not bind it (the key then edits the overlay's text, if it has any).
    public func invocation(for key: KeyPress, in overlay: KeymapOverlay) -> CommandInvocation? {
        sections[.overlay(overlay)]?[key] ?? nil
    }

    /// These bindings with every key bound in `other` replaced by `other`'s binding.
    public func overridden(by other: Keymap) -> Keymap {
        var merged = sections
        for (section, bindings) in other.sections {
            merged[section, default: [:]].merge(bindings) { _, new in new }
        }
        return Keymap(sections: merged)
    }

    /// Every bound key with its section and invocation, sorted by section then key name.
    public var bindings: [(section: KeymapSection, key: KeyPress, invocation: CommandInvocation)] {
        var result: [(section: KeymapSection, key: KeyPress, invocation: CommandInvocation)] = []
        for section in KeymapSection.all {
            for (key, invocation) in sections[section] ?? [:] {
                if let invocation { result.append((section, key, invocation)) }
            }
        }
        return result.sorted { lhs, rhs in
            lhs.section != rhs.section ? lhs.section < rhs.section : Self.keyOrder(lhs.key, rhs.key)
        }
    }

    /// Orders keys: single characters first, then named keys; by name within each kind.
    static func keyOrder(_ lhs: KeyPress, _ rhs: KeyPress) -> Bool {
        let lhsName = lhs.name
        let rhsName = rhs.name
        if (lhsName.count == 1) != (rhsName.count == 1) { return lhsName.count == 1 }
        return lhsName < rhsName
    }
}

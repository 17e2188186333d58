/// An overlay or prompt whose keys have their own keymap section. While one is open its
/// section alone applies (no fallback to `[global]`); keys it does not bind edit its text.
public enum KeymapOverlay: String, Sendable, Hashable, CaseIterable {
    /// The `?` help overlay.
    case help
    /// The `/` filter bar.
    case filter
    /// The `:` command, `@` jump and tag prompts.
    case prompt
    /// The note editor.
    case editor
    /// The investigation form.
    case form
    /// The `M` series overlay (its list and chart).
    case series
    /// The `b` breakdown overlay.
    case breakdown
    /// The suspects overlay.
    case suspects
}

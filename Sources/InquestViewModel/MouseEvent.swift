/// A mouse button pressed (or the wheel turned) where the terminal reported it: screen cells,
/// column `x` and row `y` from the top-left corner, 0-based. The terminal backend reports it
/// as data; the reducer decides what lies there through the ``CanvasLayout``.
public struct MouseEvent: Sendable, Hashable {
    public enum Button: Sendable, Hashable {
        case left
        case middle
        case right
        /// The wheel turned away from the user (scroll up).
        case wheelUp
        /// The wheel turned towards the user (scroll down).
        case wheelDown
    }

    public var button: Button
    public var x: Int
    public var y: Int

    public init(_ button: Button, x: Int, y: Int) {
        self.button = button
        self.x = x
        self.y = y
    }
}

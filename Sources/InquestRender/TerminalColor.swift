/// A colour as the terminal backend sets it.
///
/// Themes are written in 24-bit colour; ``downgraded(to:)`` maps them to what the terminal has.
public enum TerminalColor: Sendable, Hashable {
    /// The terminal's own default foreground or background.
    case `default`
    /// A 24-bit colour from a theme file (`#rrggbb`).
    case rgb(UInt8, UInt8, UInt8)
    /// One of the 16 ANSI colours: 0–7 black, red, green, yellow, blue, magenta, cyan, white;
    /// 8–15 their bright variants.
    case ansi(Int)
    /// An entry 16–255 of the xterm 256-colour palette (6×6×6 cube and grey ramp).
    case indexed(Int)

    /// The ANSI colour names a theme may use, in index order (`bright-` prefixes add 8).
    public static let ansiNames = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    /// This colour as a terminal with `colors` colours can show it:
    /// ≥ 256 → rgb becomes the nearest xterm-256 entry (16–255); 16–255 → the nearest of the 16
    /// ANSI colours; 8–15 → the nearest of the 8 basic ones (bright ANSI loses its brightness);
    /// fewer than 8 → `.default`. `.default` is never changed.
    public func downgraded(to colors: Int) -> TerminalColor {
        switch self {
        case .default:
            return .default
        case .rgb(let red, let green, let blue):
            if colors >= 256 { return .indexed(Self.nearestXterm256(red, green, blue)) }
            if colors >= 16 { return .ansi(Self.nearestANSI(red, green, blue, allowBright: true)) }
            if colors >= 8 { return .ansi(Self.nearestANSI(red, green, blue, allowBright: false)) }
            return .default
        case .ansi(let index):
            if colors >= 16 { return self }
            if colors >= 8 { return .ansi(index % 8) }
            return .default
        case .indexed(let index):
            if colors >= 256 { return self }
            let (red, green, blue) = Self.xterm256RGB(index)
            return TerminalColor.rgb(red, green, blue).downgraded(to: colors)
        }
    }

    /// The palette index ncurses takes for this colour (-1 for the default colour).
    /// Call on a colour already ``downgraded(to:)`` for the terminal.
    public var cursesIndex: Int {
        switch self {
        case .default: -1
        case .ansi(let index): index
        case .indexed(let index): index
        case .rgb(let red, let green, let blue): Self.nearestXterm256(red, green, blue)
        }
    }

    /// For an unsaturated `.rgb` colour (a grey), its lightness 0...1 (the largest channel); nil
    /// for saturated colours and non-rgb colours.
    var greyLightness: Double? {
        guard case .rgb(let red, let green, let blue) = self else { return nil }
        let maximum = Double(max(red, green, blue)) / 255
        let chroma = maximum - Double(min(red, green, blue)) / 255
        return Self.isGrey(maximum: maximum, chroma: chroma) ? maximum : nil
    }

    static func isGrey(maximum: Double, chroma: Double) -> Bool {
        chroma < 0.15 || (maximum > 0 && chroma / maximum < 0.2)
    }

    /// The nearest entry of the xterm 6×6×6 cube or grey ramp (16–255), by squared RGB distance.
    static func nearestXterm256(_ red: UInt8, _ green: UInt8, _ blue: UInt8) -> Int {
        let levels = [0, 95, 135, 175, 215, 255]
        func nearestLevel(_ value: UInt8) -> Int {
            var best = 0
            for index in levels.indices where abs(levels[index] - Int(value)) < abs(levels[best] - Int(value)) {
                best = index
            }
            return best
        }
        let (cubeRed, cubeGreen, cubeBlue) = (nearestLevel(red), nearestLevel(green), nearestLevel(blue))
        let cubeIndex = 16 + 36 * cubeRed + 6 * cubeGreen + cubeBlue
        let cubeDistance = distance((red, green, blue), xterm256RGB(cubeIndex))
        let average = (Int(red) + Int(green) + Int(blue)) / 3
        let greyStep = min(23, max(0, (average - 3) / 10))
        let greyIndex = 232 + greyStep
        let greyDistance = distance((red, green, blue), xterm256RGB(greyIndex))
        return greyDistance < cubeDistance ? greyIndex : cubeIndex
    }

    /// The RGB value xterm uses for a palette entry (16 ANSI entries use xterm's defaults).
    static func xterm256RGB(_ index: Int) -> (UInt8, UInt8, UInt8) {
        let ansi: [(UInt8, UInt8, UInt8)] = [
            (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
            (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
        ]
        switch index {
        case ..<0: return ansi[0]
        case 0..<16: return ansi[index]
        case 16..<232:
            let levels: [UInt8] = [0, 95, 135, 175, 215, 255]
            let cube = index - 16
            return (levels[cube / 36], levels[(cube / 6) % 6], levels[cube % 6])
        default:
            let grey = UInt8(8 + 10 * min(23, index - 232))
            return (grey, grey, grey)
        }
    }

    /// The nearest ANSI colour by hue rather than raw distance, so pastel theme colours keep
    /// their meaning (a soft red stays red instead of becoming white): unsaturated colours map
    /// to black/white (or grey), others to the nearest of the six hues; with `allowBright`, light
    /// colours take the bright variant.
    static func nearestANSI(_ red: UInt8, _ green: UInt8, _ blue: UInt8, allowBright: Bool) -> Int {
        let r = Double(red) / 255, g = Double(green) / 255, b = Double(blue) / 255
        let maximum = max(r, g, b), minimum = min(r, g, b)
        let chroma = maximum - minimum
        if isGrey(maximum: maximum, chroma: chroma) {
            if !allowBright { return maximum >= 0.5 ? 7 : 0 }
            switch maximum {
            case ..<0.25: return 0
            case ..<0.55: return 8
            case ..<0.85: return 7
            default: return 15
            }
        }
        var hue: Double
        if maximum == r {
            hue = 60 * ((g - b) / chroma)
        } else if maximum == g {
            hue = 60 * ((b - r) / chroma + 2)
        } else {
            hue = 60 * ((r - g) / chroma + 4)
        }
        if hue < 0 { hue += 360 }
        // Hue sectors, widened for blue (azure theme blues such as #61afef read as blue, not cyan).
        let base: Int
        switch hue {
        case ..<20: base = 1
        case ..<75: base = 3
        case ..<165: base = 2
        case ..<200: base = 6
        case ..<265: base = 4
        case ..<330: base = 5
        default: base = 1
        }
        return allowBright && maximum > 0.8 && minimum > 0.3 ? base + 8 : base
    }

    private static func distance(_ lhs: (UInt8, UInt8, UInt8), _ rhs: (UInt8, UInt8, UInt8)) -> Int {
        let red = Int(lhs.0) - Int(rhs.0), green = Int(lhs.1) - Int(rhs.1), blue = Int(lhs.2) - Int(rhs.2)
        return red * red + green * green + blue * blue
    }
}

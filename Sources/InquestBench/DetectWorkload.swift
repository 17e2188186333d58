import Foundation

/// The series `inquest-bench detect` scores (also compiled by `Scripts/detector-harness.sh`, so
/// the harness's figures are on the same data).
enum DetectWorkload {
    /// The values of one generated series: a daily sine of amplitude 10 around 50 (one value a
    /// minute), noise ±1, spikes of +40 every 997 values.
    static func values(count: Int, seed: UInt64) -> [Double] {
        var state = seed
        return (0..<count).map { index in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let noise = Double(state >> 11) / Double(1 << 53) * 2 - 1
            let daily = 10 * sin(2 * Double.pi * Double(index % 1440) / 1440)
            return 50 + daily + noise + (index % 997 == 996 ? 40 : 0)
        }
    }
}

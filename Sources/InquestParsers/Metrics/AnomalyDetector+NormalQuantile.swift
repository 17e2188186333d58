import Foundation

extension AnomalyDetector {
    /// The standard normal quantile (Acklam's rational approximation, |error| < 1.2e-9), for p in (0.5, 1).
    /// Scalar constants only, so the per-value spread computation allocates nothing.
    static func normalQuantile(_ p: Double) -> Double {
        if p > 0.97575 {
            let q = sqrt(-2 * log(1 - p))
            let numerator = ((((-7.784894002430293e-03 * q - 3.223964580411365e-01) * q - 2.400758277161838e+00) * q
                - 2.549732539343734e+00) * q + 4.374664141464968e+00) * q + 2.938163982698783e+00
            let denominator = (((7.784695709041462e-03 * q + 3.224671290700398e-01) * q + 2.445134137142996e+00) * q
                + 3.754408661907416e+00) * q + 1
            return -numerator / denominator
        }
        let x = p - 0.5
        let r = x * x
        let numerator = (((((-3.969683028665376e+01 * r + 2.209460984245205e+02) * r - 2.759285104469687e+02) * r
            + 1.383577518672690e+02) * r - 3.066479806614716e+01) * r + 2.506628277459239e+00) * x
        let denominator = ((((-5.447609879822406e+01 * r + 1.615858368580409e+02) * r - 1.556989798598866e+02) * r
            + 6.680131188771972e+01) * r - 1.328068155288572e+01) * r + 1
        return numerator / denominator
    }
}

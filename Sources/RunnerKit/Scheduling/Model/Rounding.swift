import Foundation

/// The rounding rules of schedule-domain §1.2.
public enum Rounding {
    /// Rounds to 6 decimals to remove float noise (23.804999… → 23.805).
    public static func denoise(_ value: Double) -> Double {
        (value * 1_000_000).rounded(.toNearestOrAwayFromZero) / 1_000_000
    }

    /// Half to even after denoising (2.5 → 2, 5.5 → 6); used by the volume formulas.
    public static func halfEven(_ value: Double) -> Int {
        Int(denoise(value).rounded(.toNearestOrEven))
    }

    /// Half up after denoising (23.805 → 24); used by prices, the bump share and the score.
    public static func halfUp(_ value: Double) -> Int {
        Int((denoise(value) + 0.5).rounded(.down))
    }

    /// Half up to `places` decimals after denoising (12.795 → 12.8 at 2 places).
    public static func halfUp(_ value: Double, places: Int) -> Double {
        let scale = pow(10.0, Double(places))
        return (Rounding.denoise(value * scale) + 0.5).rounded(.down) / scale
    }

    /// Half to even to `places` decimals (money: cents).
    public static func halfEven(_ value: Double, places: Int) -> Double {
        let scale = pow(10.0, Double(places))
        return Rounding.denoise(value * scale).rounded(.toNearestOrEven) / scale
    }
}

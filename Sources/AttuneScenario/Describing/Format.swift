import AttuneModel

/// Plain number formatting shared by messages and `describe`.
enum Format {
    /// A number with at most three decimals and no trailing zeros: `12`,
    /// `0.15`, `0.8`.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "not a number" : value > 0 ? "infinity" : "-infinity" }
        let rounded = (value * 1000).rounded() / 1000
        if rounded == rounded.rounded(), abs(rounded) < 1e15 {
            return String(Int64(rounded))
        }
        var text = String(rounded)
        if text.contains("e") { return text }
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// Seconds as a scenario file would write them: `120s`, `0.8s`.
    static func seconds(_ value: Double) -> String {
        "\(number(value))s"
    }

    /// A parameter's value as a scenario file would write it: seconds for a
    /// duration (`0.8s`), a plain number otherwise (`0.15`).
    static func value(_ value: Double, of spec: ParameterSpec) -> String {
        spec.isDuration ? seconds(value) : number(value)
    }

    /// A spread of babies as `describe` shows it: `0.50 ± 0.15 (drawn per
    /// run)` for a share (two decimals), `4.0 ± 1.0 (drawn per run)` for
    /// months (one), `6.00s ± 1.00s (drawn per run)` for a duration.
    static func spread(mean: Double, sd: Double, of spec: ParameterSpec) -> String {
        let places = spec.unit == .months ? 1 : 2
        let unit = spec.isDuration ? "s" : ""
        return "\(fixed(mean, places: places))\(unit) ± \(fixed(sd, places: places))\(unit) (drawn per run)"
    }

    /// A number with exactly `places` decimals (`0.50`), never `-0.00`.
    static func fixed(_ value: Double, places: Int) -> String {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let rounded = (value * scale).rounded() / scale
        let whole = Int64(abs(rounded) * scale + 0.5)
        var digits = String(whole)
        if places > 0 {
            if digits.count <= places { digits = String(repeating: "0", count: places - digits.count + 1) + digits }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -places))
        }
        return (rounded < 0 && whole != 0 ? "-" : "") + digits
    }
}

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
}

/// What every SVG picture Attune writes shares — the charts of `sweep` and
/// `days` and the run pictures of `report`: how text is escaped, how
/// numbers are written, and the colours.
///
/// The colours are Okabe and Ito's palette, which colour-blind readers can
/// tell apart; a picture never lets colour carry meaning alone (each series
/// or category also has its own marker, dash, fill pattern or letter).
public enum SVGWriter {
    /// Okabe–Ito colours, by name.
    public enum Colour {
        /// Blue, `#0072B2`.
        public static let blue = "#0072B2"
        /// Vermillion, `#D55E00`.
        public static let vermillion = "#D55E00"
        /// Bluish green, `#009E73`.
        public static let green = "#009E73"
        /// Reddish purple, `#CC79A7`.
        public static let purple = "#CC79A7"
        /// Orange, `#E69F00`.
        public static let orange = "#E69F00"
        /// Sky blue, `#56B4E9`.
        public static let skyBlue = "#56B4E9"
        /// Yellow, `#F0E442`.
        public static let yellow = "#F0E442"
        /// Black, `#000000`.
        public static let black = "#000000"
        /// Grey, `#999999`, for what is flat or absent.
        public static let grey = "#999999"
        /// Brown, `#8C6D1F`, an eighth series colour.
        public static let brown = "#8C6D1F"
    }

    /// A generous estimate of how wide `text` is drawn at `fontSize`
    /// pixels: 0.62 of the size per character, 0.7 in bold. Helvetica and
    /// Arial are narrower; DejaVu Sans, which stands in for them where they
    /// are not installed, is about this wide for words (digits and
    /// capitals run a little wider, so short numbers need some room). A
    /// picture lays its labels out with it, and with ``ascent`` and
    /// ``descent``, so that they stay clear of lines and of each other.
    public static func estimatedWidth(of text: String, fontSize: Double, bold: Bool = false) -> Double {
        Double(text.count) * fontSize * (bold ? 0.7 : 0.62)
    }

    /// How far text reaches above its baseline, as a share of its size.
    public static let ascent = 0.8
    /// How far text reaches below its baseline, as a share of its size.
    public static let descent = 0.24

    /// `text` safe inside XML text or a double-quoted attribute: `&`, `<`,
    /// `>` and `"` escaped, and control characters (not allowed in XML 1.0)
    /// as spaces, line feeds and tabs kept.
    public static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default:
                if (c.value < 0x20 && c != "\n" && c != "\t") || (0x7F...0x9F).contains(c.value) {
                    out += " "
                } else {
                    out.unicodeScalars.append(c)
                }
            }
        }
        return out
    }

    /// `x` with at most `places` decimals (0...9), rounded half away from
    /// zero, without trailing zeros or a lone point: `12`, `0.25`, `3.5`.
    public static func number(_ x: Double, places: Int) -> String {
        guard x.isFinite else { return "0" }
        let places = min(max(places, 0), 9)
        var scale: UInt64 = 1
        for _ in 0..<places { scale *= 10 }
        let scaled = (x.magnitude * Double(scale)).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9_007_199_254_740_992 else { return x < 0 ? "-\(x.magnitude)" : "\(x)" }
        let units = UInt64(scaled)
        var text = (x < 0 && units != 0) ? "-" : ""
        text += String(units / scale)
        var fraction = places > 0 ? String(repeating: "0", count: places - String(units % scale).count) + String(units % scale) : ""
        while fraction.hasSuffix("0") { fraction.removeLast() }
        if !fraction.isEmpty { text += "." + fraction }
        return text
    }
}

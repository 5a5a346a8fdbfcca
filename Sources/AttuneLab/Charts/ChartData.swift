/// One point of a chart series: a mean and its 95% interval at some x.
public struct ChartPoint: Sendable, Hashable {
    /// Where on the x axis (a value, or a category's position 0, 1, 2, …).
    public var x: Double
    /// The mean.
    public var mean: Double
    /// The interval's lower end, or `nil` when there is none (one run).
    public var lower: Double?
    /// The interval's upper end, or `nil` when there is none.
    public var upper: Double?

    /// Creates a point.
    public init(x: Double, mean: Double, lower: Double? = nil, upper: Double? = nil) {
        self.x = x
        self.mean = mean
        self.lower = lower
        self.upper = upper
    }
}

/// A named line of points: one dyad (and phase, and setting of the other
/// varied fields, when there are several).
public struct ChartSeries: Sendable, Hashable {
    /// The name shown in the legend.
    public var name: String
    /// The points, in x order.
    public var points: [ChartPoint]

    /// Creates a series.
    public init(name: String, points: [ChartPoint]) {
        self.name = name
        self.points = points
    }
}

/// A labelled position on the x axis.
public struct ChartTick: Sendable, Hashable {
    /// The position.
    public var x: Double
    /// The label shown under it.
    public var label: String

    /// Creates a tick.
    public init(x: Double, label: String) {
        self.x = x
        self.label = label
    }
}

/// A vertical line across the chart at some x, with a note: the day a
/// `--switch` takes effect.
public struct ChartMarker: Sendable, Hashable {
    /// The position.
    public var x: Double
    /// The note, shown under the chart.
    public var label: String

    /// Creates a marker.
    public init(x: Double, label: String) {
        self.x = x
        self.label = label
    }
}

/// What a chart shows: one or more series of means, each with its 95%
/// interval, against a labelled x axis. Drawn as text by ``TextChart`` and
/// as a picture by ``SVGChart``.
public struct ChartData: Sendable {
    /// The title.
    public var title: String
    /// A line under the title (what the points and bars mean).
    public var subtitle: String
    /// The x axis's name, with its unit.
    public var xLabel: String
    /// The y axis's name, with its unit.
    public var yLabel: String
    /// The labelled x positions.
    public var xTicks: [ChartTick]
    /// The values the figure can take; the y axis never goes beyond them.
    public var yLimits: ClosedRange<Double>
    /// The series, at most ``maximumSeries``.
    public var series: [ChartSeries]
    /// Vertical lines with notes.
    public var markers: [ChartMarker]
    /// True (default) to join each series' means with a line; false when
    /// the x axis holds categories (policies), where a line between them
    /// would mean nothing.
    public var connectsPoints: Bool

    /// The most series one chart draws (one symbol, marker shape and dash
    /// pattern each).
    public static let maximumSeries = 8

    /// Creates a chart; series beyond ``maximumSeries`` are dropped.
    public init(
        title: String, subtitle: String, xLabel: String, yLabel: String, xTicks: [ChartTick],
        yLimits: ClosedRange<Double>, series: [ChartSeries], markers: [ChartMarker] = [], connectsPoints: Bool = true
    ) {
        self.title = title
        self.subtitle = subtitle
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.xTicks = xTicks
        self.yLimits = yLimits
        self.series = Array(series.prefix(Self.maximumSeries))
        self.markers = markers
        self.connectsPoints = connectsPoints
    }

    /// The x range covered by the ticks, the points and the markers.
    var xRange: ClosedRange<Double> {
        let xs = xTicks.map(\.x) + series.flatMap { $0.points.map(\.x) } + markers.map(\.x)
        guard let low = xs.min(), let high = xs.max() else { return 0...1 }
        return low...high
    }

    /// The y axis: a range with round ends that holds every mean and
    /// interval (cut to ``yLimits``), and the tick step.
    func yAxis(ticks wanted: Int = 5) -> (range: ClosedRange<Double>, step: Double) {
        var values = [Double]()
        for s in series {
            for p in s.points {
                values.append(p.mean)
                if let l = p.lower { values.append(max(yLimits.lowerBound, l)) }
                if let u = p.upper { values.append(min(yLimits.upperBound, u)) }
            }
        }
        var low = values.min() ?? 0
        var high = values.max() ?? 1
        if high - low < 1e-9 {
            let pad = max(abs(high) * 0.05, 0.01)
            low -= pad
            high += pad
        }
        // The finest nice step that needs at most `wanted` + 2 intervals.
        var step = Self.niceStep((high - low) / Double(wanted + 2))
        while ((high / step) - 1e-9).rounded(.up) - ((low / step) + 1e-9).rounded(.down) > Double(wanted + 2) {
            step = Self.niceStep(step * 1.01)
        }
        var bottom = (low / step).rounded(.down) * step
        var top = (high / step).rounded(.up) * step
        bottom = max(bottom, yLimits.lowerBound)
        top = min(top, yLimits.upperBound)
        if top <= bottom { top = bottom + step }
        return (bottom...top, step)
    }

    /// The nearest "nice" step (1, 2 or 5 times a power of ten) at or above `raw`.
    static func niceStep(_ raw: Double) -> Double {
        guard raw > 0, raw.isFinite else { return 1 }
        var power = 1.0
        while power * 10 <= raw { power *= 10 }
        while power > raw { power /= 10 }
        for m in [1.0, 2, 5, 10] where m * power >= raw * (1 - 1e-9) { return m * power }
        return 10 * power
    }

    /// Decimal places that tell ticks `step` apart.
    static func places(forStep step: Double) -> Int {
        var places = 0
        var scaled = step
        while places < 6 && abs(scaled - scaled.rounded()) > 1e-6 * max(1, abs(scaled)) {
            scaled *= 10
            places += 1
        }
        return places
    }

    /// Nice, evenly spaced ticks over the whole numbers `low...high` (days):
    /// at most about `count` of them, always including `low`.
    public static func integerTicks(from low: Int, to high: Int, count: Int = 10) -> [ChartTick] {
        let step = max(1, Int(niceStep(Double(max(1, high - low)) / Double(max(1, count - 1)))))
        var ticks = [ChartTick(x: Double(low), label: String(low))]
        var x = ((low / step) + 1) * step
        while x <= high {
            ticks.append(ChartTick(x: Double(x), label: String(x)))
            x += step
        }
        return ticks
    }
}

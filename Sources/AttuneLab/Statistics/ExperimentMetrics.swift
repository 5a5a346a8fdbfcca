import AttuneModel

/// The figures `sweep` reports for each grid point, dyad and phase: those
/// of the batch summary (``Figures/summary``: the same values and the same
/// statistics), each under its column name in rows and in `--plot`.
public enum SweepFigures {
    /// Every figure, in ``Figures/summary`` order.
    public static let all: [Figure] = Figures.summary

    /// The figures a sweep's readable table shows when no `--plot` is given.
    public static let tableDefaults = [
        Figures.medianRepair.column, Figures.distress.column, Figures.coordinated.column, Figures.gazeAtCaregiver.column,
    ]

    /// The index in ``all`` of the figure named `name` (its column name).
    /// - Throws: ``ExperimentErrors`` listing the names, for an unknown one.
    public static func index(named name: String, option: String = "--plot") throws(ExperimentErrors) -> Int {
        if let i = all.firstIndex(where: { $0.column == name }) { return i }
        throw ExperimentErrors(unknownName(name, option: option, names: all.map(\.column)))
    }
}

/// A figure `days` reports for each day and dyad: a figure of the registry
/// (``Figures``) over the day's sessions combined (every session and
/// phase, as if one), or, with ``perSession``, that divided by the
/// sessions of the day.
public struct DayFigure: Sendable {
    /// The figure: its column name (also the name `--plot` takes), label,
    /// places, range, and how it is read from the day's figures.
    public let figure: Figure
    /// True for a figure per session: the day's value divided by the
    /// sessions of the day.
    public let perSession: Bool
    /// True when the readable table shows it; false for a figure of rows
    /// (and `--plot`) only, such as the traits of the babies drawn.
    public let inTable: Bool

    /// Creates a day's figure.
    /// - Parameters:
    ///   - figure: the registry's figure (or one of the same shape).
    ///   - perSession: divide the day's value by its sessions; default no.
    ///   - inTable: show it in the readable table; default yes.
    public init(_ figure: Figure, perSession: Bool = false, inTable: Bool = true) {
        self.figure = figure
        self.perSession = perSession
        self.inTable = inTable
    }

    /// The figure over one day: `day` holds the day's sessions combined
    /// (``PhaseMetrics/combined(_:)``), `sessions` how many there were;
    /// `nil` when it has no value (no repair that day).
    public func value(ofDay day: PhaseMetrics, sessions: Int) -> Double? {
        guard let value = figure.value(day) else { return nil }
        return perSession ? value / Double(sessions) : value
    }
}

/// The figures `days` reports for each day and dyad, over that day's
/// sessions, in column order.
public enum DayFigures {
    /// Every figure, in order:
    /// - `trust_end`: trust at the end of the day's last session, 0...1;
    /// - `lookaways_per_session`: look-aways (all phases), averaged over
    ///   the day's sessions;
    /// - `distress_pct`, `coordinated_pct`: shares of the day's steps;
    /// - `median_repair_s`: the median of the day's repair latencies
    ///   (every session and phase); a run with no repair that day has none;
    /// - in rows only, the baby of each history: `age_months`,
    ///   `reactivity`, `soothability`, `sociability` (drawn once per
    ///   history when the scenario has a population, so their means over
    ///   the histories show the population) and `trust_start`, its trust at
    ///   the start of the day's first session.
    public static let all: [DayFigure] = [
        DayFigure(Figures.trustEnd.relabelled("Trust at the end of the day (0-1)")),
        DayFigure(
            Figure(column: "lookaways_per_session", label: "Look-aways per session", unit: .count, tablePlaces: 1) {
                Double($0.lookAways)
            },
            perSession: true),
        DayFigure(Figures.distress),
        DayFigure(Figures.coordinated),
        DayFigure(Figures.medianRepair),
        DayFigure(Figures.ageMonths, inTable: false),
        DayFigure(Figures.reactivity, inTable: false),
        DayFigure(Figures.soothability, inTable: false),
        DayFigure(Figures.sociability, inTable: false),
        DayFigure(Figures.trustStart.relabelled("Trust at the start of the day (0-1)"), inTable: false),
    ]

    /// The index in ``all`` of the figure `days` charts when no `--plot`
    /// is given: trust.
    public static let plotDefault = 0

    /// The index in ``all`` of the figure named `name` (its column name).
    /// - Throws: ``ExperimentErrors`` listing the names, for an unknown one.
    public static func index(named name: String, option: String = "--plot") throws(ExperimentErrors) -> Int {
        if let i = all.firstIndex(where: { $0.figure.column == name }) { return i }
        throw ExperimentErrors(unknownName(name, option: option, names: all.map(\.figure.column)))
    }
}

/// "--plot NAME: there is no figure called …; did you mean …? The figures are …".
func unknownName(_ name: String, option: String, names: [String]) -> String {
    var message = "\(option) \(name): there is no figure called \"\(name)\""
    let lower = name.lowercased()
    let close = names.filter { $0.hasPrefix(lower) || (lower.count >= 4 && $0.contains(lower)) }
    message += close.count == 1 ? "; did you mean \"\(close[0])\"?" : "."
    message += " The figures are " + names.joined(separator: ", ") + "."
    return message
}

import ArgumentParser
import AttuneLab
import AttuneModel
import AttuneUI

/// An option's allowed range, stated once: the option's help text, its
/// check and the message when it is out of range all read it.
struct OptionLimit<Value: Comparable & CustomStringConvertible & Sendable>: Sendable {
    /// The option, as typed: `--runs`.
    let option: String
    /// The values allowed.
    let range: ClosedRange<Value>
    /// How a value reads in messages (`0.25` and `32`, not `32.0`).
    let written: @Sendable (Value) -> String
    /// Examples after the range in the message (`, like 0.5, 1 or 4`), or "".
    var examples = ""

    /// The range in words, for help texts: `1 to 1000000`.
    var helpRange: String { "\(written(range.lowerBound)) to \(written(range.upperBound))" }

    /// Throws the message for a value outside the range:
    /// `--runs must be between 1 and 1000000; it is -1.`
    func check(_ value: Value?) throws {
        guard let value, !range.contains(value) else { return }
        throw ValidationError(
            "\(option) must be between \(written(range.lowerBound)) and \(written(range.upperBound))\(examples); it is \(written(value)).")
    }
}

extension OptionLimit where Value == Int {
    init(_ option: String, _ range: ClosedRange<Int>) {
        self.init(option: option, range: range, written: { String($0) })
    }
}

extension OptionLimit where Value == Double {
    init(_ option: String, _ range: ClosedRange<Double>, examples: String = "") {
        self.init(option: option, range: range, written: Self.decimal, examples: examples)
    }

    /// `32`, `0.25`, `nan`: whole numbers without a point.
    @Sendable static func decimal(_ value: Double) -> String {
        value.isFinite && value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}

/// Every numeric option's limits, in one place.
enum Limits {
    /// `batch --runs` and `sweep --runs`: runs (at each grid point).
    static let runs = OptionLimit("--runs", BatchRunner.allowedRuns)
    /// `days --runs`: independent histories.
    static let histories = OptionLimit("--runs", DaysRunner.allowedRuns)
    /// `days --days`.
    static let days = OptionLimit("--days", DaySchedule.allowedDays)
    /// `days --sessions-per-day`.
    static let sessionsPerDay = OptionLimit("--sessions-per-day", DaySchedule.allowedSessionsPerDay)
    /// `--threads`: worker threads.
    static let threads = OptionLimit("--threads", 1...1024)
    /// `--speed` of the live screen and of a replay.
    static let speed = OptionLimit("--speed", Speed.slowest...Speed.fastest, examples: ", like 0.5, 1 or 4")
    /// `bench --seconds`.
    static let benchSeconds = OptionLimit("--seconds", 0.3...600)
    /// `bench --rounds`.
    static let benchRounds = OptionLimit("--rounds", 1...100)
    /// `room --babies`.
    static let babies = OptionLimit("--babies", Room.allowedBabies)
    /// `room --bench-seconds`.
    static let roomBenchSeconds = OptionLimit("--bench-seconds", 1.0...60.0)
}

import AttuneScenario

/// What kind of values a varied field takes.
public enum VariedKind: String, Sendable, Hashable {
    /// Plain numbers (`0.2`, `8`).
    case number
    /// Durations with a unit (`800ms`, `6s`, `2min`); their ``VariedValue/number`` is in seconds.
    case duration
    /// Words (`attuned`, `intrusive`): anything that is not a number or a duration.
    case word
}

/// One value a varied field takes.
public struct VariedValue: Sendable, Hashable {
    /// The value as it is handed to the scenario loader, like a `--set`
    /// value: `3s`, `0.4`, `attuned`.
    public let text: String
    /// The value as a number (seconds for a duration), or `nil` for a word.
    public let number: Double?

    /// Creates a value.
    public init(text: String, number: Double?) {
        self.text = text
        self.number = number
    }
}

/// A scenario field swept over a set of values, as `--vary` writes it:
/// `PATH=A..B:STEP` (a range: A, A + STEP, … up to B) or `PATH=v1,v2,…`
/// (a list).
///
/// PATH is any path `--set` accepts (`infant.age_months`,
/// `dyads.0.caregiver.patience`). A range's three parts are all plain
/// numbers (`0.1..0.9:0.1`) or all durations (`0s..10s:1s`,
/// `500ms..2s:250ms`); it must run upwards with a step above 0, and its last
/// value is the largest `A + k × STEP` not beyond B. A list may hold
/// numbers, durations or words (`attuned,intrusive`), each once.
public struct VariedField: Sendable, Hashable {
    /// The field's path, as `--set` names it.
    public let path: String
    /// The option's text after `--vary ` (`dyads.0.caregiver.patience=0s..10s:1s`).
    public let spec: String
    /// What kind of values the field takes.
    public let kind: VariedKind
    /// The values, in sweep order (a range upwards; a list as written), at
    /// least one.
    public let values: [VariedValue]

    /// The most values one field may take.
    public static let maximumValues = 10_000

    /// How the option is named in messages: `--vary PATH=…`.
    public var label: String { "--vary \(MessageText.echo(spec))" }

    /// The `--set` override that gives the field value `value`.
    public func override(_ value: VariedValue) -> String { "\(path)=\(value.text)" }

    /// The column the field's values get in output rows: the path, with
    /// `_s` added for a duration (whose cells are then in seconds).
    public var column: String { kind == .duration ? path + "_s" : path }

    /// A short name for tables and charts: the path's last part
    /// (`patience`), or the whole path when `others` hold another field with
    /// the same last part.
    public func shortName(among others: [VariedField]) -> String {
        let last = String(path.split(separator: ".").last ?? Substring(path))
        let clash = others.contains { $0.path != path && $0.path.split(separator: ".").last.map(String.init) == last }
        return clash ? path : last
    }

    /// Reads one `--vary` option's text.
    /// - Throws: ``ExperimentErrors`` saying what is wrong and how to write it.
    public static func parse(_ text: String) throws(ExperimentErrors) -> VariedField {
        let label = "--vary \(MessageText.echo(text))"
        func failure(_ message: String) -> ExperimentErrors { ExperimentErrors("\(label): \(message)") }
        guard let equals = text.firstIndex(of: "=") else {
            throw failure("write it as PATH=FROM..TO:STEP or PATH=VALUE,VALUE,…, like dyads.0.caregiver.patience=0s..10s:1s")
        }
        let path = text[..<equals].trimmingCharacters(in: .whitespaces)
        let spec = text[text.index(after: equals)...].trimmingCharacters(in: .whitespaces)
        guard !path.isEmpty, path.split(separator: ".", omittingEmptySubsequences: false).allSatisfy({ !$0.isEmpty && !$0.contains(" ") })
        else {
            throw failure("\"\(path)\" is not a path; write field names joined by dots, as for --set, like dyads.0.caregiver.patience")
        }
        guard !spec.isEmpty else {
            throw failure("there are no values after the =; write a range like 0s..10s:1s or a list like attuned,intrusive")
        }
        let (kind, values): (VariedKind, [VariedValue])
        if spec.contains("..") {
            if spec.contains(",") {
                throw failure("write either a range (FROM..TO:STEP) or a list of values separated by commas, not both")
            }
            (kind, values) = try range(spec, failure: failure)
        } else {
            (kind, values) = try list(spec, failure: failure)
        }
        return VariedField(path: path, spec: "\(path)=\(spec)", kind: kind, values: values)
    }

    private init(path: String, spec: String, kind: VariedKind, values: [VariedValue]) {
        self.path = path
        self.spec = spec
        self.kind = kind
        self.values = values
    }

    // MARK: - Ranges

    /// One part of a range as written: a plain number or a duration.
    private struct Quantity {
        var text: String
        /// The number as written, in its own unit.
        var written: Double
        /// The unit (`ms`, `s`, `min`) or `nil` for a plain number.
        var unit: String?
        /// Decimal places as written.
        var places: Int
        /// The value in seconds for a duration, or the number itself.
        var value: Double

        static func read(_ text: String) -> Quantity? {
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            guard let split = trimmed.firstIndex(where: { !($0.isASCII && ($0.isNumber || $0 == "." || $0 == "-" || $0 == "+")) })
            else {
                guard let number = Double(trimmed), number.isFinite else { return nil }
                return Quantity(text: trimmed, written: number, unit: nil, places: places(trimmed), value: number)
            }
            let numberText = String(trimmed[..<split])
            let unit = trimmed[split...].trimmingCharacters(in: .whitespaces)
            guard let seconds = AttuneScenario.Duration.parse(trimmed), let written = Double(numberText) else { return nil }
            return Quantity(text: trimmed, written: written, unit: unit, places: places(numberText), value: seconds)
        }

        private static func places(_ number: String) -> Int {
            guard let dot = number.firstIndex(of: ".") else { return 0 }
            return number[number.index(after: dot)...].filter(\.isNumber).count
        }
    }

    private static func range(
        _ spec: String, failure: (String) -> ExperimentErrors
    ) throws(ExperimentErrors) -> (VariedKind, [VariedValue]) {
        let dots = spec.range(of: "..")!
        let fromText = String(spec[..<dots.lowerBound])
        let rest = spec[dots.upperBound...]
        guard let colon = rest.lastIndex(of: ":") else {
            let example = Quantity.read(fromText)?.unit != nil ? "0s..10s:1s" : "0.1..0.9:0.1"
            throw failure("write the step after a colon, like \(example)")
        }
        let toText = String(rest[..<colon])
        let stepText = String(rest[rest.index(after: colon)...])
        var parts = [Quantity]()
        for (name, text) in [("start", fromText), ("end", toText), ("step", stepText)] {
            guard let q = Quantity.read(text) else {
                let shown = text.trimmingCharacters(in: .whitespaces)
                throw failure(
                    shown.isEmpty
                        ? "the range has no \(name); write FROM..TO:STEP, like 0s..10s:1s"
                        : "the \(name) \"\(shown)\" is not a number or a duration; write a number (0.5) or a duration with a unit (800ms, 6s, 2min)"
                )
            }
            parts.append(q)
        }
        let (from, to, step) = (parts[0], parts[1], parts[2])
        let withUnit = parts.filter { $0.unit != nil }
        if !withUnit.isEmpty && withUnit.count < 3 {
            let bare = parts.first { $0.unit == nil }!
            let timed = withUnit[0]
            throw failure(
                "the range mixes units: \(bare.text) has no unit but \(timed.text) has one; give all three parts a unit, like 0s..10s:1s, or none, like 0.1..0.9:0.1"
            )
        }
        let kind: VariedKind = withUnit.isEmpty ? .number : .duration
        guard step.value > 0 else {
            throw failure(
                step.value == 0
                    ? "the step is 0, so the range would never move; write a step above 0, like :\(kind == .duration ? "1s" : "0.1")"
                    : "the step is \(step.text); the step must be above 0 (write the smaller value first and the range runs upwards)")
        }
        guard from.value <= to.value else {
            throw failure("the range runs backwards; write the smaller value first (\(to.text)..\(from.text):\(step.text))")
        }
        let span = (to.value - from.value) / step.value
        guard span < Double(maximumValues) else {
            let count = span < 1e15 ? Field.grouped(Int(span + 1e-9) + 1) : "more than 10,000"
            throw failure(
                "the range has \(count) values; one --vary may have at most \(Field.grouped(maximumValues)); use a larger step or a shorter range"
            )
        }
        let count = Int((span + 1e-9).rounded(.down)) + 1
        // Keep the unit when all three parts share one; otherwise seconds.
        let sameUnit = kind == .duration && Set(parts.map { $0.unit! }).count == 1
        let places = parts.map(\.places).max() ?? 0
        var values = [VariedValue]()
        values.reserveCapacity(count)
        for i in 0..<count {
            if kind == .number {
                let x = from.written + Double(i) * step.written
                values.append(VariedValue(text: shortest(x, places: places), number: Double(shortest(x, places: places))))
            } else if sameUnit {
                let unit = from.unit!
                let written = shortest(from.written + Double(i) * step.written, places: places)
                values.append(VariedValue(text: written + unit, number: AttuneScenario.Duration.parse(written + unit)))
            } else {
                let seconds = shortest(from.value + Double(i) * step.value, places: 6)
                values.append(VariedValue(text: seconds + "s", number: Double(seconds)))
            }
        }
        return (kind, values)
    }

    /// `x` with at most `places` decimals and no trailing zeros (`2.5`, `3`).
    static func shortest(_ x: Double, places: Int) -> String {
        var text = Field.fixed(x, places: places)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }

    // MARK: - Lists

    private static func list(
        _ spec: String, failure: (String) -> ExperimentErrors
    ) throws(ExperimentErrors) -> (VariedKind, [VariedValue]) {
        let items = spec.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        if items.contains(where: \.isEmpty) {
            throw failure("there is an empty value in the list; separate values with single commas, like attuned,intrusive")
        }
        guard items.count <= maximumValues else {
            throw failure("the list has \(Field.grouped(items.count)) values; one --vary may have at most \(Field.grouped(maximumValues))")
        }
        let quantities = items.map(Quantity.read)
        let kind: VariedKind
        if quantities.allSatisfy({ $0 != nil && $0!.unit == nil }) {
            kind = .number
        } else if quantities.allSatisfy({ $0 != nil && $0!.unit != nil }) {
            kind = .duration
        } else if let bare = quantities.first(where: { $0 != nil && $0!.unit == nil }) ?? nil,
            let timed = quantities.first(where: { $0 != nil && $0!.unit != nil }) ?? nil
        {
            throw failure(
                "the list mixes units: \(bare.text) has no unit but \(timed.text) has one; give every value a unit, like 2s,4s,8s, or none")
        } else {
            kind = .word
        }
        var values = [VariedValue]()
        for (item, quantity) in zip(items, quantities) {
            let value = VariedValue(text: item, number: kind == .word ? nil : quantity!.value)
            if let same = values.first(where: { kind == .word ? $0.text == item : $0.number == value.number }) {
                throw failure(
                    same.text == item
                        ? "the list has \(item) twice; give each value once"
                        : "\(same.text) and \(item) are the same value; give each value once")
            }
            values.append(value)
        }
        return (kind, values)
    }
}

/// The grid a sweep runs: every combination of the varied fields' values.
///
/// Grid points are numbered from 0 with the first field changing slowest
/// (like nested loops in the order the `--vary` options are written).
public struct SweepGrid: Sendable {
    /// The varied fields, in command-line order, at least one.
    public let fields: [VariedField]
    /// The number of grid points: the product of the fields' value counts.
    public let pointCount: Int

    /// The most grid points a sweep may have.
    public static let maximumPoints = 10_000

    /// Creates the grid of `fields`.
    /// - Throws: ``ExperimentErrors`` when there is no field, a path is
    ///   varied twice, or the grid has more than ``maximumPoints`` points.
    public init(fields: [VariedField]) throws(ExperimentErrors) {
        guard !fields.isEmpty else {
            throw ExperimentErrors("a sweep needs at least one --vary, like --vary dyads.0.caregiver.patience=0s..10s:1s")
        }
        var seen = Set<String>()
        for field in fields where !seen.insert(field.path).inserted {
            throw ExperimentErrors("\(field.label): \(field.path) is varied twice; give each field one --vary")
        }
        var count = 1
        for field in fields {
            count *= field.values.count
            if count > Self.maximumPoints {
                let total = fields.reduce(1.0) { $0 * Double($1.values.count) }
                let counts = fields.map { String($0.values.count) }.joined(separator: " × ")
                throw ExperimentErrors(
                    "the sweep has \(counts) = \(Field.grouped(Int(min(total, 1e15)))) grid points; at most \(Field.grouped(Self.maximumPoints)) are allowed. Use larger steps or fewer values"
                )
            }
        }
        self.fields = fields
        self.pointCount = count
    }

    /// The index of each field's value at grid point `point`.
    public func valueIndices(ofPoint point: Int) -> [Int] {
        var rest = point
        var indices = [Int](repeating: 0, count: fields.count)
        for f in fields.indices.reversed() {
            let n = fields[f].values.count
            indices[f] = rest % n
            rest /= n
        }
        return indices
    }

    /// Each field's value at grid point `point`.
    public func values(ofPoint point: Int) -> [VariedValue] {
        zip(fields, valueIndices(ofPoint: point)).map { $0.values[$1] }
    }

    /// The `--set` overrides that make grid point `point`.
    public func overrides(ofPoint point: Int) -> [String] {
        zip(fields, values(ofPoint: point)).map { $0.override($1) }
    }
}

extension Field {
    /// `n` with commas between thousands: `10,000`.
    public static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += "," }
            out.append(c)
        }
        return (n < 0 ? "-" : "") + out
    }
}

import AttuneModel

/// Why a headless run cannot go ahead, in words for the person at the
/// command line.
public enum LabError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A caregiver is set to the `human` policy, which needs someone at the
    /// live screen. `overridePath` is the `--set` path that would change it.
    case humanCaregiver(dyad: String, overridePath: String)
    /// `--dyad` named a dyad the scenario does not have.
    case unknownDyad(String, available: [String])
    /// A count outside its allowed range.
    case outOfRange(name: String, value: Int, allowed: ClosedRange<Int>)

    public var description: String {
        switch self {
        case .humanCaregiver(let dyad, let path):
            "The caregiver in dyad \"\(dyad)\" is set to human, which needs the live screen; use `attune run`, "
                + "or choose another policy with --set \(path)=attuned"
        case .unknownDyad(let label, let available):
            "There is no dyad \"\(label)\" in this scenario; its dyads are "
                + available.map { "\"\($0)\"" }.joined(separator: ", ") + "."
        case .outOfRange(let name, let value, let allowed):
            "\(name) must be between \(allowed.lowerBound) and \(allowed.upperBound); it is \(value)."
        }
    }

    /// Throws ``humanCaregiver(dyad:overridePath:)`` when any dyad, in any
    /// phase, has a `human` caregiver: headless runs have nobody to choose
    /// her actions.
    public static func checkHeadless(_ plan: RunPlan) throws {
        for d in plan.dyads.indices {
            for p in plan.phases.indices where plan.caregiver(dyad: d, phase: p).policy == .human {
                let path =
                    plan.phases[p].caregiver.policy == .human
                    ? "phases.\(p).caregiver.policy" : "dyads.\(d).caregiver.policy"
                throw LabError.humanCaregiver(dyad: plan.dyads[d].label, overridePath: path)
            }
        }
    }
}

import AttuneModel

/// Small plans that run in milliseconds.
enum TestPlans {
    /// Two caregivers, one waiting and one chasing, over two short phases.
    static let waitOrChase = RunPlan(
        infant: InfantParameters(),
        dyads: [
            DyadPlan(label: "Waits", caregiver: CaregiverSettings(policy: .attuned)),
            DyadPlan(label: "Chases", caregiver: CaregiverSettings(policy: .intrusive)),
        ],
        phases: [
            PhasePlan(name: "play", durationSeconds: 20),
            PhasePlan(name: "still-face", durationSeconds: 10, caregiver: CaregiverSettings(policy: .stillFace)),
        ])

    /// A plan whose only caregiver is the person at the keyboard.
    static let human = RunPlan(
        infant: InfantParameters(),
        dyads: [DyadPlan(label: "You", caregiver: CaregiverSettings(policy: .human))],
        phases: [PhasePlan(name: "play", durationSeconds: 10)])

    /// A plan where a phase hands the second caregiver's place to the keyboard.
    static let humanInSecondPhase = RunPlan(
        infant: InfantParameters(),
        dyads: [DyadPlan(label: "Waits", caregiver: CaregiverSettings(policy: .attuned))],
        phases: [
            PhasePlan(name: "play", durationSeconds: 10),
            PhasePlan(name: "your-turn", durationSeconds: 10, caregiver: CaregiverSettings(policy: .human)),
        ])
}

import AttuneModel

extension DebriefReport {
    /// The heading of the settings changes' section.
    public static let changesHeading = "What you changed"

    /// Changes of one parameter closer together than this, in seconds of
    /// the run, are told as one ("from 0.50 to 0.80", not six steps of
    /// 0.05).
    static let changeGroupSeconds = 3.0

    /// The settings changes on the run's path up to its current step, in
    /// plain words and time order: "At 0:40 you made the baby more easily
    /// stirred (reactivity from 0.50 to 0.80)." A run of changes to the
    /// same parameter with no other change between, each within
    /// ``changeGroupSeconds`` of the one before, is one sentence, from the
    /// first value to the last. Changes left behind on a dropped future
    /// (going back and acting again) are not on the path, so not here.
    static func changes(timeline: Timeline) -> [String] {
        let labels = timeline.scenario.plan.dyads.map(\.label)
        let dt = timeline.stepSeconds
        var groups: [(step: Int, lastStep: Int, setting: LiveSetting)] = []
        for step in timeline.inputs.keys.sorted() where step <= timeline.cursor {
            for input in timeline.inputs[step] ?? [] {
                guard case let .set(setting) = input else { continue }
                if let last = groups.last, last.setting.isSameParameter(as: setting),
                    Double(step - last.lastStep) * dt <= changeGroupSeconds + 1e-9
                {
                    groups[groups.count - 1].lastStep = step
                    groups[groups.count - 1].setting.value = setting.value
                } else {
                    groups.append((step, step, setting))
                }
            }
        }
        return groups.map { group in
            "At \(TextFormatting.clock(Double(group.step) * dt)) you \(SettingWords.made(group.setting, labels: labels))."
        }
    }
}

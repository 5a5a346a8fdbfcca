import AttuneModel

/// The strip charts' columns for one dyad: the last minute of its history
/// cut into equal slices of steps, one slice per column.
///
/// Slices are aligned to the start of the run (slice `b` holds steps
/// `b * stepsPerColumn ..< (b + 1) * stepsPerColumn`), so as time passes
/// only the newest column changes and the rest shift left whole.
public struct ChartColumns: Sendable {
    /// Mean arousal per column, 0...1.
    public var arousal: [Double] = []
    /// Per column: calm, alert above the window, distress above the
    /// distress level (by the column's highest arousal).
    public var arousalStyles: [Style] = []
    /// Mean caregiver intensity per column, 0...1.
    public var intensity: [Double] = []
    /// Gaze per column (the most common; ties go to the more turned-away).
    public var gaze: [TrackMark] = []
    /// Affect per column (the most common; ties go to the more negative).
    public var affect: [TrackMark] = []
    /// Coordination per column: in step, out of step, a rupture began, a
    /// repair happened, or both.
    public var coordination: [TrackMark] = []
    /// Steps per column, 1 or more.
    public var stepsPerColumn: Int = 1
    /// Seconds the full width covers.
    public var spanSeconds: Double = 0

    /// The seconds of history the charts aim to show: one minute.
    public static let historySeconds = 60.0

    /// Marks of the gaze track: at the caregiver, away, far away.
    public static func gazeMark(_ gaze: Gaze, glyphs: Glyphs) -> TrackMark {
        switch gaze {
        case .atCaregiver: TrackMark(glyphs.dotFilled, style: .colour(.calm))
        case .away: TrackMark(glyphs.dotHollow, style: .colour(.alert))
        case .farAway: TrackMark(glyphs == .ascii ? "." : "·", style: .colour(.distress))
        }
    }

    /// Marks of the coordination track.
    public enum CoordinationMark {
        /// The pair fit.
        public static func inStep(_ glyphs: Glyphs) -> TrackMark { TrackMark(glyphs.horizontal, style: .colour(.calm)) }
        /// The pair did not fit.
        public static let outOfStep = TrackMark("~", style: .colour(.alert))
        /// A rupture began (out of step for longer than 0.5 s).
        public static let rupture = TrackMark("X", style: Style(foreground: .distress, bold: true))
        /// A repair: back in step after a rupture.
        public static let repair = TrackMark("+", style: Style(foreground: .calm, bold: true))
        /// A rupture and its repair within one column.
        public static let both = TrackMark("*", style: Style(foreground: .alert, bold: true))
    }

    /// Builds the columns for `dyad` of `timeline`, up to its current step.
    /// - Parameters:
    ///   - width: chart columns available, 1 or more.
    ///   - traits: the infant's traits (for the window of tolerance).
    ///   - glyphs: the glyph set.
    public init(timeline: Timeline, dyad: Int, width: Int, traits: InfantTraits, glyphs: Glyphs) {
        guard width > 0 else { return }
        let dt = timeline.stepSeconds
        let windowSteps = max(1, Int((Self.historySeconds / dt).rounded()))
        let per = max(1, (windowSteps + width - 1) / width)
        stepsPerColumn = per
        spanSeconds = Double(per * width) * dt
        let cursor = min(timeline.cursor, timeline.recordedSteps)
        guard cursor > 0 else { return }
        let last = (cursor - 1) / per
        let first = max(0, last - width + 1)
        for bucket in first...last {
            let lo = bucket * per
            let hi = min((bucket + 1) * per, cursor)
            var arousalSum = 0.0, arousalMax = 0.0, intensitySum = 0.0
            var gazeCounts = [0, 0, 0]
            var affectCounts = [Int](repeating: 0, count: Affect.allCases.count)
            var coordinated = 0
            var rupture = false, repair = false
            for j in lo..<hi {
                let s = timeline.sample(step: j, dyad: dyad)
                arousalSum += Double(s.arousal)
                arousalMax = max(arousalMax, Double(s.arousal))
                intensitySum += Double(s.intensity)
                gazeCounts[Int(s.gaze.rawValue)] += 1
                affectCounts[Int(s.affect.rawValue)] += 1
                if s.coordinated { coordinated += 1 }
                if s.events.contains(.rupture) { rupture = true }
                if s.events.contains(.repair) { repair = true }
            }
            let n = Double(hi - lo)
            arousal.append(arousalSum / n)
            let colour: SemanticColour =
                arousalMax > traits.distressLevel ? .distress : arousalMax > traits.windowHigh ? .alert : .calm
            arousalStyles.append(.colour(colour))
            intensity.append(intensitySum / n)
            gaze.append(Self.gazeMark(Self.mostCommon(gazeCounts, as: Gaze.self), glyphs: glyphs))
            let shownAffect = Self.mostCommonAffect(affectCounts)
            affect.append(TrackMark(ScreenWords.mark(shownAffect), style: .colour(ScreenWords.colour(shownAffect))))
            if rupture && repair {
                coordination.append(CoordinationMark.both)
            } else if rupture {
                coordination.append(CoordinationMark.rupture)
            } else if repair {
                coordination.append(CoordinationMark.repair)
            } else if coordinated * 2 >= hi - lo {
                coordination.append(CoordinationMark.inStep(glyphs))
            } else {
                coordination.append(CoordinationMark.outOfStep)
            }
        }
    }

    /// The most common gaze (ties go to the later, more turned-away case).
    static func mostCommon(_ counts: [Int], as _: Gaze.Type) -> Gaze {
        var best = 0
        for index in counts.indices where counts[index] >= counts[best] { best = index }
        return Gaze(rawValue: UInt8(best)) ?? .atCaregiver
    }

    /// The most common affect; ties go to the more negative one.
    static func mostCommonAffect(_ counts: [Int]) -> Affect {
        // Rank from most positive to most negative, for tie-breaking.
        let order: [Affect] = [.delighted, .interested, .neutral, .dull, .withdrawn, .fussy, .protesting, .distressed]
        var best = order[0]
        var bestCount = -1
        for affect in order where counts[Int(affect.rawValue)] >= bestCount {
            best = affect
            bestCount = counts[Int(affect.rawValue)]
        }
        return best
    }
}

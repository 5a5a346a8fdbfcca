import AttuneModel

/// One dyad of a room at the end of one step, counted over the babies: how
/// many looked at their caregiver, smiled, were upset, were in a rupture;
/// how many ruptures began and how many were repaired during the step; and
/// the sum of their heart rates. Kept for every step of a room (about 32
/// bytes a dyad), for the room's rates per minute and its strip charts.
public struct RoomTally: Hashable, Sendable {
    /// Babies looking at the caregiver (``Gaze/atCaregiver``).
    public var looking: Int32 = 0
    /// Babies showing positive affect (delighted: smiling or cooing,
    /// ``Affect/isPositive``).
    public var smiling: Int32 = 0
    /// Babies showing negative affect (fussy, distressed or protesting,
    /// ``Affect/isNegative``).
    public var upset: Int32 = 0
    /// Pairs in a rupture.
    public var inRupture: Int32 = 0
    /// Ruptures that began during the step.
    public var ruptures: Int32 = 0
    /// Ruptures repaired during the step.
    public var repairs: Int32 = 0
    /// The sum of the babies' heart rates, beats per minute.
    public var heartRateSum: Double = 0

    /// An empty tally.
    public init() {}

    /// The tally of dyad `dyad` of `room`, with the step's events
    /// (`events[baby * dyadCount + dyad]`).
    init(room: Room, dyad: Int, events: [Events], dyadCount: Int) {
        // Read through the arrays in place: no baby or pair is copied.
        let babies = room.babies
        for b in babies.indices {
            let gaze = babies[b].dyads[dyad].infant.gaze
            let affect = babies[b].dyads[dyad].infant.affect
            if gaze == .atCaregiver { looking += 1 }
            if affect.isPositive { smiling += 1 }
            if affect.isNegative { upset += 1 }
            if babies[b].dyads[dyad].coordination.inRupture { inRupture += 1 }
            let e = events[b * dyadCount + dyad]
            if e.contains(.rupture) { ruptures += 1 }
            if e.contains(.repair) { repairs += 1 }
            heartRateSum += babies[b].dyads[dyad].infant.heartRate
        }
    }
}

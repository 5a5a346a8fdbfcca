/// What happened during one step, as a set of flags (cheap to return from
/// the hot loop). Narration cues in scenario files name these by ``name``.
public struct Events: OptionSet, Sendable, Hashable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// The infant turned its gaze away from the caregiver.
    public static let infantLooksAway = Events(rawValue: 1 << 0)
    /// The infant turned back to the caregiver.
    public static let infantLooksBack = Events(rawValue: 1 << 1)
    /// The infant turned far away (head and body).
    public static let infantTurnsFarAway = Events(rawValue: 1 << 2)
    /// The infant began to smile or coo.
    public static let infantSmiles = Events(rawValue: 1 << 3)
    /// The infant began to bid: smiles and coos to bring the caregiver back.
    public static let infantBids = Events(rawValue: 1 << 4)
    /// The infant began to suck its thumb or otherwise soothe itself.
    public static let infantSelfSoothes = Events(rawValue: 1 << 5)
    /// The infant began to fuss.
    public static let infantFusses = Events(rawValue: 1 << 6)
    /// The infant began to cry.
    public static let infantCries = Events(rawValue: 1 << 7)
    /// The infant pushed at the caregiver's face.
    public static let infantPushesAway = Events(rawValue: 1 << 8)
    /// The infant withdrew: flat, turned inward.
    public static let infantWithdraws = Events(rawValue: 1 << 9)
    /// The caregiver began to play.
    public static let caregiverPlays = Events(rawValue: 1 << 10)
    /// The caregiver greeted the infant.
    public static let caregiverGreets = Events(rawValue: 1 << 11)
    /// The caregiver sat back to wait.
    public static let caregiverWaits = Events(rawValue: 1 << 12)
    /// The caregiver began to soothe.
    public static let caregiverSoothes = Events(rawValue: 1 << 13)
    /// The caregiver leaned into the infant's line of sight.
    public static let caregiverIntrudes = Events(rawValue: 1 << 14)
    /// The caregiver began a still face.
    public static let caregiverStillFace = Events(rawValue: 1 << 15)
    /// The caregiver disengaged.
    public static let caregiverDisengages = Events(rawValue: 1 << 16)
    /// A miscoordinated stretch became a rupture (longer than 0.5 s).
    public static let rupture = Events(rawValue: 1 << 17)
    /// A rupture was repaired: the pair are coordinated again.
    public static let repair = Events(rawValue: 1 << 18)
    /// A new phase began.
    public static let phaseStart = Events(rawValue: 1 << 19)
    /// The infant looked off at something that caught its eye.
    public static let infantExplores = Events(rawValue: 1 << 20)

    /// Every single event with its name, in a fixed order.
    public static let named: [(Events, String)] = [
        (.infantLooksAway, "infant-looks-away"),
        (.infantLooksBack, "infant-looks-back"),
        (.infantTurnsFarAway, "infant-turns-far-away"),
        (.infantSmiles, "infant-smiles"),
        (.infantBids, "infant-bids"),
        (.infantSelfSoothes, "infant-self-soothes"),
        (.infantFusses, "infant-fusses"),
        (.infantCries, "infant-cries"),
        (.infantPushesAway, "infant-pushes-away"),
        (.infantWithdraws, "infant-withdraws"),
        (.infantExplores, "infant-explores"),
        (.caregiverPlays, "caregiver-plays"),
        (.caregiverGreets, "caregiver-greets"),
        (.caregiverWaits, "caregiver-waits"),
        (.caregiverSoothes, "caregiver-soothes"),
        (.caregiverIntrudes, "caregiver-intrudes"),
        (.caregiverStillFace, "caregiver-still-face"),
        (.caregiverDisengages, "caregiver-disengages"),
        (.rupture, "rupture"),
        (.repair, "repair"),
        (.phaseStart, "phase-start"),
    ]

    /// The event called `name` in scenario files, if there is one.
    public init?(name: String) {
        guard let match = Self.named.first(where: { $0.1 == name }) else { return nil }
        self = match.0
    }

    /// The names of the events in this set, joined by `+` ("" when empty).
    public var names: String {
        Self.named.filter { contains($0.0) }.map(\.1).joined(separator: "+")
    }
}

extension PhaseMetrics {
    /// Adds the figures of a later stretch of the same dyad (the next phase,
    /// or the next session), as if the two were one phase: counts, sums and
    /// lists add up, peaks and longest ruptures take the larger, trust at
    /// the end is the later stretch's when it had any steps, and the infant
    /// met is the first stretch's with any steps.
    ///
    /// Both stretches are taken to have the same step length (this one's is
    /// kept). Not used by the step: it reads finished figures.
    public mutating func add(_ later: PhaseMetrics) {
        // The baby met is the first stretch's (in `days`, its trust at the
        // start of the day).
        if steps == 0 { infant = later.infant }
        steps += later.steps
        gazeAtCaregiverSteps += later.gazeAtCaregiverSteps
        positiveSteps += later.positiveSteps
        negativeSteps += later.negativeSteps
        withdrawnSteps += later.withdrawnSteps
        distressSteps += later.distressSteps
        cryingSteps += later.cryingSteps
        coordinatedSteps += later.coordinatedSteps
        arousalSum += later.arousalSum
        peakArousal = max(peakArousal, later.peakArousal)
        heartRateSum += later.heartRateSum
        peakHeartRate = max(peakHeartRate, later.peakHeartRate)
        rsaSum += later.rsaSum
        matchedSteps += later.matchedSteps
        mismatches += later.mismatches
        quickRepairs += later.quickRepairs
        fewSecondRepairs += later.fewSecondRepairs
        ruptures += later.ruptures
        repairs += later.repairs
        repairLatencies += later.repairLatencies
        longestRuptureSeconds = max(longestRuptureSeconds, later.longestRuptureSeconds)
        lookAways += later.lookAways
        lookAwaySeconds += later.lookAwaySeconds
        lookAwayLengths += later.lookAwayLengths
        returnedOnOwn += later.returnedOnOwn
        if later.steps > 0 { trustEnd = later.trustEnd }
    }

    /// The figures of `phases` (in order) as if they were one phase: a
    /// run's figures so far, or a day's sessions. Empty figures (step
    /// length 0) for no phases.
    public static func combined(_ phases: some Sequence<PhaseMetrics>) -> PhaseMetrics {
        var iterator = phases.makeIterator()
        guard let first = iterator.next() else { return PhaseMetrics(stepSeconds: 0) }
        var total = PhaseMetrics(stepSeconds: first.stepSeconds)
        total.add(first)
        while let next = iterator.next() { total.add(next) }
        return total
    }
}

import AttuneModel
import Testing

@Suite("The registry of figures")
struct FigureRegistryTests {
    @Test("column names are unique and snake_case, labels unique")
    func names() {
        let columns = Figures.all.map(\.column)
        #expect(Set(columns).count == columns.count)
        #expect(Set(Figures.all.map(\.label)).count == Figures.all.count)
        for column in columns {
            let words = column.split(separator: "_", omittingEmptySubsequences: false)
            let snake =
                !words.isEmpty
                && words.allSatisfy { word in
                    !word.isEmpty && word.allSatisfy { ($0.isLetter && $0.isLowercase && $0.isASCII) || $0.isNumber }
                }
            #expect(snake && column.first!.isLetter, "\(column) is not snake_case")
        }
    }

    @Test("the summary is every figure but the row-only ones, in the registry's order")
    func summaryOrder() {
        #expect(Figures.summary.map(\.column) == Figures.all.filter { !$0.rowOnly }.map(\.column))
        #expect(Figures.all.filter(\.rowOnly).map(\.column) == ["duration_s"])
    }

    @Test("batch rows hold every figure, by generation and then in the registry's order")
    func batchOrder() {
        let rows = Figures.batchRows
        #expect(rows.count == Figures.all.count)
        #expect(Set(rows.map(\.column)) == Set(Figures.all.map(\.column)))
        let place = Dictionary(uniqueKeysWithValues: Figures.all.enumerated().map { ($0.element.column, $0.offset) })
        for (a, b) in zip(rows, rows.dropFirst()) {
            #expect(a.rowGeneration < b.rowGeneration || (a.rowGeneration == b.rowGeneration && place[a.column]! < place[b.column]!))
        }
    }

    @Test("a figure has no value over no steps exactly when it may be missing")
    func missing() {
        let empty = PhaseMetrics(stepSeconds: 0.1)
        for figure in Figures.all {
            #expect((figure.value(empty) == nil) == figure.mayBeMissing, "\(figure.column)")
        }
    }

    @Test("units fix ranges and row places")
    func units() {
        #expect(Figures.gazeAtCaregiver.range == 0...100 && Figures.gazeAtCaregiver.rowPlaces == 3)
        #expect(Figures.trustEnd.range == 0...1 && Figures.trustEnd.rowPlaces == 4)
        #expect(Figures.medianRepair.range.lowerBound == 0 && Figures.medianRepair.rowPlaces == 3)
        #expect(Figures.ruptures.range.lowerBound == 0 && Figures.ruptures.rowPlaces == 3)
    }

    @Test("phases combined add up their figures, mid-run as at the end")
    func combined() throws {
        let plan = try readyPlan("still-face")
        var simulation = Simulation(plan: plan, seed: 3)
        let stops = [1, plan.stepsPerPhase[0] / 2, plan.stepsPerPhase[0] + 7, simulation.totalSteps]
        var done = 0
        for stop in stops {
            while done < stop {
                _ = simulation.step()
                done += 1
            }
            for phases in simulation.metrics {
                let all = PhaseMetrics.combined(phases)
                #expect(all.steps == phases.reduce(0) { $0 + $1.steps })
                #expect(all.distressSteps == phases.reduce(0) { $0 + $1.distressSteps })
                #expect(all.ruptures == phases.reduce(0) { $0 + $1.ruptures })
                #expect(all.repairs == phases.reduce(0) { $0 + $1.repairs })
                #expect(all.lookAways == phases.reduce(0) { $0 + $1.lookAways })
                #expect(all.repairLatencies == phases.flatMap(\.repairLatencies))
                #expect(all.lookAwayLengths == phases.flatMap(\.lookAwayLengths))
                #expect(all.longestRuptureSeconds == (phases.map(\.longestRuptureSeconds).max() ?? 0))
                #expect(all.peakArousal == (phases.map(\.peakArousal).max() ?? 0))
                #expect(all.trustEnd == (phases.last { $0.steps > 0 }?.trustEnd ?? 0))
                #expect(Figures.medianRepair.value(all) == PhaseMetrics.median(phases.flatMap(\.repairLatencies)))
            }
        }
    }

    @Test("one phase combined is that phase")
    func combinedOne() {
        var simulation = Simulation(plan: plan(.intrusive, seconds: 30), seed: 5)
        simulation.runToEnd()
        let phase = simulation.metrics[0][0]
        #expect(PhaseMetrics.combined([phase]) == phase)
        #expect(PhaseMetrics.combined([PhaseMetrics]()).steps == 0)
    }
}

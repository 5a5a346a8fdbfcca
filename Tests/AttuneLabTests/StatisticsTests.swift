import Testing

@testable import AttuneLab

@Suite("Statistics: means and 95% confidence intervals")
struct StatisticsTests {
    @Test("the mean of some values is their average")
    func meanOfValues() {
        #expect(Statistics.mean([1, 2, 3, 4]) == 2.5)
        #expect(Statistics.mean([]) == nil)
    }

    @Test("a small sample's interval uses Student's t with n - 1 degrees of freedom")
    func smallSampleUsesT() throws {
        // 1...5: mean 3, sd √2.5, se √0.5; t(4) = 2.776.
        let ci = try #require(Statistics.interval([1, 2, 3, 4, 5]))
        #expect(ci.count == 5)
        #expect(ci.mean == 3)
        let expected = 2.776 * (2.5).squareRoot() / (5.0).squareRoot()
        #expect(abs(try #require(ci.halfWidth) - expected) < 1e-12)
        #expect(abs(try #require(ci.lower) - (3 - expected)) < 1e-12)
        #expect(abs(try #require(ci.upper) - (3 + expected)) < 1e-12)
    }

    @Test("two values: t with one degree of freedom, 12.706")
    func twoValues() throws {
        // mean 1, sd √2, se 1.
        let ci = try #require(Statistics.interval([0, 2]))
        #expect(abs(try #require(ci.halfWidth) - 12.706) < 1e-12)
    }

    @Test("beyond 30 degrees of freedom the normal value 1.96 is used")
    func largeSampleUsesNormal() throws {
        #expect(Statistics.criticalValue95(degreesOfFreedom: 30) == 2.042)
        #expect(Statistics.criticalValue95(degreesOfFreedom: 31) == 1.96)
        let values = (0..<100).map { Double($0 % 2) }  // 50 zeros, 50 ones
        let ci = try #require(Statistics.interval(values))
        #expect(ci.mean == 0.5)
        let sd = (25.0 / 99).squareRoot()
        #expect(abs(try #require(ci.halfWidth) - 1.96 * sd / 10) < 1e-12)
    }

    @Test("a single value has a mean but no interval")
    func singleValue() throws {
        let ci = try #require(Statistics.interval([7]))
        #expect(ci.mean == 7)
        #expect(ci.halfWidth == nil)
        #expect(ci.lower == nil)
    }

    @Test("identical values have an interval of width zero")
    func noSpread() throws {
        let ci = try #require(Statistics.interval([4, 4, 4]))
        #expect(ci.halfWidth == 0)
    }

    @Test("running statistics stay accurate far from zero")
    func stableFarFromZero() throws {
        var s = RunningStatistics()
        for x in [1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16] { s.add(x) }
        #expect(s.mean == 1e9 + 10)
        #expect(abs(try #require(s.variance) - 30) < 1e-6)
    }
}

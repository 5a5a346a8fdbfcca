import Testing

@testable import AttuneScenario

@Suite("Durations")
struct DurationTests {
    @Test(
        "read ms, s and min, with decimals",
        arguments: [
            ("800ms", 0.8), ("6s", 6.0), ("1.5s", 1.5), ("2min", 120.0), ("0.5min", 30.0),
            ("0s", 0.0), (".5s", 0.5), ("1.5 s", 1.5), (" 10ms ", 0.01), ("120s", 120.0),
        ])
    func readsDurations(text: String, seconds: Double) {
        let parsed = Duration.parse(text)
        #expect(parsed != nil)
        #expect(abs((parsed ?? -1) - seconds) < 1e-9)
    }

    @Test(
        "refuse anything that is not a number and a unit",
        arguments: [
            "6", "", "s", "6sec", "6 m", "-1s", "1.2.3s", "abc", "6h", "1e3s", "6S", "min", "6s6", "nan s",
        ])
    func refusesOthers(text: String) {
        #expect(Duration.parse(text) == nil)
    }
}

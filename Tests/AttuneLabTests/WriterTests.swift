import Foundation
import Testing

@testable import AttuneLab

@Suite("Fixed number text")
struct FieldTests {
    @Test("decimals have exactly the places asked for")
    func fixedPlaces() {
        #expect(Field.fixed(120, places: 3) == "120.000")
        #expect(Field.fixed(1.23456, places: 4) == "1.2346")
        #expect(Field.fixed(0.05, places: 0) == "0")
        #expect(Field.fixed(2.5, places: 0) == "3")
        #expect(Field.fixed(-1.5, places: 1) == "-1.5")
    }

    @Test("a tiny negative number never prints as -0")
    func noNegativeZero() {
        #expect(Field.fixed(-0.00001, places: 3) == "0.000")
        #expect(Field.fixed(-0.0, places: 2) == "0.00")
    }

    @Test("a number that is not finite, or no number, is missing")
    func notFinite() {
        let noValue: Double? = nil
        let notANumber: Double? = .nan
        #expect(Field.decimal(noValue, places: 3) == .missing)
        #expect(Field.decimal(notANumber, places: 3) == .missing)
        #expect(Field.decimal(.nan, places: 3).text == "")
        #expect(JSONWriter.value(.decimal(.nan, places: 3)) == "null")
        #expect(Field.fixed(.infinity, places: 3) == "")
    }
}

@Suite("CSV")
struct CSVTests {
    @Test("plain cells are written as they are")
    func plainCells() {
        #expect(CSVWriter.quoted("Waits") == "Waits")
        #expect(CSVWriter.quoted("") == "")
    }

    @Test("cells with commas, quotes or line breaks are quoted, quotes doubled (RFC 4180)")
    func quoting() {
        #expect(CSVWriter.quoted("a,b") == "\"a,b\"")
        #expect(CSVWriter.quoted("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVWriter.quoted("two\nlines") == "\"two\nlines\"")
        #expect(CSVWriter.quoted("cr\rhere") == "\"cr\rhere\"")
    }

    @Test("a table is a header line and one line per row; a missing value is an empty cell")
    func table() {
        let text = RowFormat.csv.render(
            columns: ["run", "dyad", "median_repair_s"],
            rows: [
                [.integer(1), .text("Waits, then greets"), .decimal(1.5, places: 3)],
                [.integer(2), .text("Chases"), .missing],
            ])
        #expect(text == "run,dyad,median_repair_s\n1,\"Waits, then greets\",1.500\n2,Chases,\n")
    }
}

@Suite("JSON")
struct JSONTests {
    let text = RowFormat.json.render(
        columns: ["run", "seed", "dyad", "mean_lookaway_s", "coordinated"],
        rows: [
            [.integer(1), .unsigned(18_446_744_073_709_551_615), .text("Say \"hi\"\n"), .missing, .flag(true)],
            [.integer(2), .unsigned(2), .text("Chases"), .decimal(4.25, places: 3), .flag(false)],
        ])

    @Test("rows are an array of objects, one per line, keys in column order")
    func shape() {
        let lines = text.split(separator: "\n")
        #expect(lines.count == 4)
        #expect(lines.first == "[")
        #expect(lines.last == "]")
        #expect(
            lines[1]
                == #"  {"run": 1, "seed": 18446744073709551615, "dyad": "Say \"hi\"\n", "mean_lookaway_s": null, "coordinated": true},"#)
        #expect(lines[2] == #"  {"run": 2, "seed": 2, "dyad": "Chases", "mean_lookaway_s": 4.250, "coordinated": false}"#)
    }

    @Test("the output is valid JSON that a parser reads back")
    func parses() throws {
        let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]]
        let rows = try #require(parsed)
        #expect(rows.count == 2)
        #expect(rows[0]["dyad"] as? String == "Say \"hi\"\n")
        #expect(rows[0]["mean_lookaway_s"] is NSNull)
        #expect((rows[1]["mean_lookaway_s"] as? NSNumber)?.doubleValue == 4.25)
    }

    @Test("no rows is an empty array")
    func empty() {
        #expect(RowFormat.json.render(columns: ["a"], rows: []) == "[]\n")
    }

    @Test("control characters are escaped")
    func controlCharacters() {
        #expect(JSONWriter.quoted("a\u{1}b\tc\\") == #""a\u0001b\tc\\""#)
    }
}

import Testing

@testable import AttuneUI

@Suite struct RectTests {
    let area = Rect(column: 2, row: 1, width: 10, height: 6)

    @Test func negativeSizesAreClampedToZero() {
        let rect = Rect(column: 0, row: 0, width: -1, height: -5)
        #expect(rect.width == 0 && rect.height == 0)
        #expect(rect.isEmpty)
    }

    @Test func containsCoversExactlyTheCells() {
        #expect(area.contains(column: 2, row: 1))
        #expect(area.contains(column: 11, row: 6))
        #expect(!area.contains(column: 12, row: 1))
        #expect(!area.contains(column: 2, row: 7))
    }

    @Test func insetShrinksEverySide() {
        #expect(area.inset(by: 1) == Rect(column: 3, row: 2, width: 8, height: 4))
        #expect(area.inset(left: 3) == Rect(column: 5, row: 1, width: 7, height: 6))
    }

    @Test func insetNeverGoesBelowEmpty() {
        #expect(area.inset(by: 20).isEmpty)
    }

    @Test func intersectionOfOverlappingRectangles() {
        let other = Rect(column: 8, row: 5, width: 10, height: 10)
        #expect(area.intersection(other) == Rect(column: 8, row: 5, width: 4, height: 2))
    }

    @Test func intersectionOfSeparateRectanglesIsEmpty() {
        #expect(area.intersection(Rect(column: 50, row: 50, width: 2, height: 2)).isEmpty)
    }

    @Test func centredPutsTheExtraCellRightAndBelow() {
        #expect(area.centred(width: 5, height: 3) == Rect(column: 4, row: 2, width: 5, height: 3))
    }

    @Test func centredClampsToTheArea() {
        #expect(area.centred(width: 30, height: 30) == area)
    }

    @Test func splittingOffEdges() {
        let (top, below) = area.splitTop(2)
        #expect(top == Rect(column: 2, row: 1, width: 10, height: 2))
        #expect(below == Rect(column: 2, row: 3, width: 10, height: 4))
        let (above, bottom) = area.splitBottom(1)
        #expect(bottom == Rect(column: 2, row: 6, width: 10, height: 1))
        #expect(above.height == 5)
        let (left, right) = area.splitLeft(4)
        #expect(left.width == 4 && right.column == 6 && right.width == 6)
        let (rest, edge) = area.splitRight(20)
        #expect(rest.width == 0 && edge == area)
    }

    @Test func lineGivesOneRow() {
        #expect(area.line(2) == Rect(column: 2, row: 3, width: 10, height: 1))
        #expect(area.line(6).isEmpty)
        #expect(area.line(-1).isEmpty)
    }

    @Test func rowsServeFixedAndPercentFirstThenShareTheRest() {
        let rows = Rect(column: 0, row: 0, width: 5, height: 20)
            .rows([.fixed(3), .fill(), .percent(25), .fill(3)])
        #expect(rows.map(\.height) == [3, 3, 5, 9])
        #expect(rows.map(\.row) == [0, 3, 6, 11])
    }

    @Test func roundingLeftoversGoToTheFirstFills() {
        let columns = Rect(column: 0, row: 0, width: 10, height: 1).columns([
            .fill(), .fill(), .fill(),
        ])
        #expect(columns.map(\.width) == [4, 3, 3])
        #expect(columns.map(\.column) == [0, 4, 7])
    }

    @Test func fixedBandsThatDoNotFitAreCut() {
        let rows = Rect(column: 0, row: 0, width: 1, height: 5).rows([
            .fixed(4), .fixed(4), .fill(),
        ])
        #expect(rows.map(\.height) == [4, 1, 0])
    }
}

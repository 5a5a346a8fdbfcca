import Testing

@testable import AttuneUI

@Suite struct FrameDiffTests {
    @Test func identicalFramesHaveNoChanges() {
        var frame = Frame(width: 4, height: 2)
        frame.write("ab", column: 1, row: 1)
        #expect(frame.diff(from: frame).isEmpty)
        #expect(frame.paintRuns(from: frame).isEmpty)
    }

    @Test func diffListsChangedCellsInReadingOrder() {
        let before = Frame(width: 4, height: 2)
        var after = before
        after.write("x", column: 3, row: 0)
        after.write("y", column: 0, row: 1)
        #expect(
            after.diff(from: before) == [
                CellChange(column: 3, row: 0, cell: Cell("x")),
                CellChange(column: 0, row: 1, cell: Cell("y")),
            ])
    }

    @Test func aStyleChangeAloneCountsAsAChange() {
        var before = Frame(width: 2, height: 1)
        before.write("ab", column: 0, row: 0)
        var after = before
        after.restyle(Rect(column: 1, row: 0, width: 1, height: 1), with: Style(bold: true))
        #expect(
            after.diff(from: before) == [
                CellChange(column: 1, row: 0, cell: Cell("b", style: Style(bold: true)))
            ])
    }

    @Test func aDifferentSizeMeansEveryCellChanged() {
        let before = Frame(width: 2, height: 2)
        let after = Frame(width: 3, height: 2)
        #expect(after.diff(from: before).count == 6)
    }

    @Test func runsJoinAdjacentCellsOfTheSameStyle() {
        let before = Frame(width: 8, height: 2)
        var after = before
        after.write("abc", column: 1, row: 0)
        after.write("de", column: 4, row: 0, style: .colour(.alert))
        after.write("f", column: 7, row: 0)
        after.write("g", column: 0, row: 1)
        #expect(
            after.paintRuns(from: before) == [
                PaintRun(column: 1, row: 0, text: "abc", style: .plain),
                PaintRun(column: 4, row: 0, text: "de", style: .colour(.alert)),
                PaintRun(column: 7, row: 0, text: "f", style: .plain),
                PaintRun(column: 0, row: 1, text: "g", style: .plain),
            ])
    }

    @Test func runsDoNotWrapFromOneRowToTheNext() {
        let before = Frame(width: 2, height: 2)
        var after = before
        after.write("ab", column: 0, row: 0)
        after.write("cd", column: 0, row: 1)
        #expect(after.paintRuns(from: before).map(\.text) == ["ab", "cd"])
    }

    @Test func withoutAPreviousFrameEveryRowIsPainted() {
        var frame = Frame(width: 3, height: 2)
        frame.write("ab", column: 0, row: 0)
        #expect(
            frame.paintRuns(from: nil) == [
                PaintRun(column: 0, row: 0, text: "ab ", style: .plain),
                PaintRun(column: 0, row: 1, text: "   ", style: .plain),
            ])
    }
}

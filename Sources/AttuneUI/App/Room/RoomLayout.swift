/// Where everything of the room's screen goes in a window: the header, one
/// grid per caregiver (each with its title row), the figures beside them,
/// the legend, the caption band and the key bar; and how big a baby's cell
/// is.
///
/// A pure function of the window's size, the number of babies and of
/// caregivers, so the keys (arrows move by the grid's columns) and the
/// drawing agree, and a recording replays the same moves.
struct RoomLayout: Hashable, Sendable {
    /// How one baby is drawn in its cell.
    struct CellFormat: Hashable, Sendable {
        /// Columns a cell takes, the gap after it included.
        var width: Int
        /// Rows of content: 1 (symbols), or 2 (symbols, then the baby's
        /// number and what it does).
        var lines: Int
        /// Rows from one row of cells to the next (``lines``, or one more
        /// for a blank row between).
        var pitch: Int

        /// Symbols spaced out: `● ++ 152 ─`, with a column for the
        /// selection mark in front.
        var isSpaced: Bool { width >= Self.spacedWidth }

        /// The width of a spaced cell.
        static let spacedWidth = 12
        /// The width of a dense cell (`●++152─`).
        static let denseWidth = 8

        /// The formats tried, roomiest first.
        static let all: [CellFormat] = [
            CellFormat(width: spacedWidth, lines: 2, pitch: 3),
            CellFormat(width: spacedWidth, lines: 1, pitch: 2),
            CellFormat(width: spacedWidth, lines: 1, pitch: 1),
            CellFormat(width: denseWidth, lines: 1, pitch: 2),
            CellFormat(width: denseWidth, lines: 1, pitch: 1),
        ]
    }

    /// The header row.
    var header: Rect
    /// One grid per caregiver, each with its title on its first row.
    var grids: [Rect]
    /// The room's figures, beside the grids.
    var panel: Rect
    /// The legend's rows under the grids (after a blank row), or an empty
    /// rectangle when there is no room for it.
    var legend: Rect
    /// The caption band: notices, captions, questions, and the room now.
    var caption: Rect
    /// The key bar.
    var keyBar: Rect
    /// How a cell is drawn.
    var format: CellFormat
    /// Cells across each grid.
    var columns: Int
    /// Columns from one cell to the next: the format's width, or more to
    /// spread a small room over a wide window (at most
    /// ``maximumSpread`` more).
    var stride: Int
    /// Rows from one row of cells to the next: the format's pitch, or up to
    /// ``maximumSpread`` / 3 more in a tall window.
    var rowPitch: Int
    /// Rows of cells that fit in each grid at once.
    var visibleRows: Int

    /// The narrowest the figures panel gets.
    static let minimumPanelWidth = 30
    /// The widest it gets.
    static let maximumPanelWidth = 46
    /// The most columns added between cells in a wide window.
    static let maximumSpread = 6
    /// The most blank rows between the grid and its legend.
    static let maximumLegendGap = 3

    /// The layout for `babies` babies facing `dyads` caregivers each in a
    /// window of `size` (at least 80 × 24).
    init(size: Size, babies: Int, dyads: Int) {
        let area = Rect(size: size)
        let captionRows = size.height >= 36 ? 3 : 2
        let bands = area.rows([.fixed(1), .fill(), .fixed(captionRows), .fixed(1)])
        header = bands[0]
        caption = bands[2]
        keyBar = bands[3]
        let body = bands[1]
        let panelWidth = min(Self.maximumPanelWidth, max(Self.minimumPanelWidth, body.width * 3 / 10))
        let split = body.splitRight(panelWidth)
        panel = split.right.inset(left: 1)
        let gridArea = split.rest
        let count = max(1, dyads)
        var grids = gridArea.columns(Array(repeating: .fill(), count: count))
        // A column between grids, for the eye.
        for index in grids.indices where index > 0 { grids[index] = grids[index].inset(left: 1) }
        // Cells under the title row; one more row for the legend when it fits.
        let cellArea = grids.map { $0.inset(top: 1, left: 1) }
        let width = cellArea.map(\.width).min() ?? 0
        let height = cellArea.first?.height ?? 0
        let n = max(1, babies)
        // A room looks like a room: about one and a half times as many
        // columns as rows, unless the window asks for fewer.
        let preferred = max(1, Int((Double(n) * 1.5).squareRoot().rounded(.up)))
        // The legend's rows at this width: the chosen format leaves room
        // for all of them when any format can; otherwise `?` has them.
        let legendRows = RoomView.legendRows(width: gridArea.width - 1)
        var chosen: (CellFormat, Int, Int)?
        for spare in [legendRows, 1] {
            for format in CellFormat.all {
                let most = max(1, (width + 1) / format.width)
                for columns in [min(most, preferred), most] {
                    let rows = (n + columns - 1) / columns
                    let needed = (rows - 1) * format.pitch + format.lines
                    // Rows spare for the legend when the format is roomy.
                    if needed + (format.pitch > 1 ? spare : 0) <= height {
                        chosen = (format, columns, rows)
                        break
                    }
                }
                if chosen != nil { break }
            }
            if chosen != nil { break }
        }
        let fallback = CellFormat.all[CellFormat.all.count - 1]
        let (format, columns, rows) = chosen ?? (fallback, max(1, (width + 1) / fallback.width), max(1, height))
        self.format = format
        self.columns = columns
        visibleRows = chosen == nil ? max(1, height / format.pitch) : rows
        stride = min(format.width + Self.maximumSpread, max(format.width, (width + 1) / columns))
        // Spread the rows too, keeping the legend's rows and a blank one.
        let free = height - legendRows - 1 - format.lines
        let spread = visibleRows > 1 ? free / (visibleRows - 1) : format.pitch
        rowPitch =
            chosen == nil || format.pitch == 1
            ? format.pitch : min(format.pitch + Self.maximumSpread / 3, max(format.pitch, spread))
        self.grids = grids
        let used = (visibleRows - 1) * rowPitch + format.lines
        let left = height - used
        if left >= 1 {
            // A blank row before the legend when it still fits whole; in a
            // tall window up to three, half of the rows to spare, so that
            // the grid, its legend and the figures beside them share the
            // window's height.
            let gap = left > legendRows ? min(Self.maximumLegendGap, max(1, (left - legendRows) / 2)) : 0
            legend = Rect(
                column: gridArea.column + 1, row: body.row + 1 + used + gap, width: gridArea.width - 1,
                height: min(legendRows, left - gap))
        } else {
            legend = Rect(column: 0, row: 0, width: 0, height: 0)
        }
    }

    /// The first baby shown: the rows scroll by whole pages so that the
    /// selected baby is always in sight.
    func firstShown(selected: Int) -> Int {
        let page = max(1, visibleRows) * columns
        return (selected / page) * page
    }

    /// The baby an arrow moves the selection to, from `selected`, in a
    /// room of `babies`.
    func moved(_ move: RoomMove, from selected: Int, babies: Int) -> Int {
        let last = max(0, babies - 1)
        switch move {
        case .left: return max(0, selected - 1)
        case .right: return min(last, selected + 1)
        case .up: return selected - columns >= 0 ? selected - columns : selected
        case .down: return selected + columns <= last ? selected + columns : selected
        case .first: return 0
        case .last: return last
        }
    }
}

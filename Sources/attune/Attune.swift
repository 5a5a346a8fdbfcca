import ArgumentParser
import AttuneLab

/// The `attune` command: the root of every subcommand.
///
/// The live screen's `run` is the `defaultSubcommand`, so a bare `attune`
/// opens the screen; every other command is one small struct in its own
/// file.
@main
struct Attune: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attune",
        abstract: "A caregiver and an infant, face to face: watch, take part, and compare with numbers.",
        discussion: """
            Ready scenarios are listed by `attune list`; any command that takes a SCENARIO \
            accepts a ready scenario's name or the path of a scenario file.
            """,
        subcommands: [
            Run.self,
            Present.self,
            RoomCommand.self,
            ReplayCommand.self,
            ExportCommand.self,
            ReportCommand.self,
            ListCommand.self,
            DescribeCommand.self,
            ValidateCommand.self,
            BatchCommand.self,
            SweepCommand.self,
            DaysCommand.self,
            TraceCommand.self,
            FindingsCommand.self,
            BenchCommand.self,
        ],
        defaultSubcommand: Run.self
    )

    /// Readies the standard streams and the quit signals, then parses the
    /// command line and runs the command.
    static func main() {
        StandardStreams.prepare()
        InterruptHandling.install()
        main(nil)
    }
}

namespace ChatReport.Bot.Cli;

/// <summary>One record of a roster file, with where it stands in the file for the report.</summary>
/// <param name="Line">The physical line the record starts on (the header is line 1; blank lines count).</param>
/// <param name="LastLine">The line it ends on: later than <paramref name="Line"/> when a quoted cell holds line breaks.</param>
/// <param name="Cells">The cells as read, quotes removed.</param>
public sealed record RosterCsvRow(int Line, int LastLine, IReadOnlyList<string> Cells)
{
    public bool SpansLines => LastLine > Line;
}

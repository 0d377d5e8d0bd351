namespace ChatReport.Bot.Cli;

public sealed class ImportRosterCliCommand(RosterImporter importer) : ICliCommand
{
    public string Name => "import-roster";

    public string Usage => "import-roster <file.csv>   (UTF-8; header branch,name,role; role member|secretary|committee)";

    public string Summary => "Adds the members of a roster; reports each row as created or skipped with the reason.";

    /// <summary>
    /// The importer reads and checks the whole file before it takes the write lock, then writes the
    /// rows that passed in one transaction of its own: a bad row never undoes the others.
    /// </summary>
    public bool IsOneUnit => false;

    public async Task<int> RunAsync(CliArguments arguments, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(output);
        arguments.Allow(1, "file");
        var path = arguments.Get("file") ?? (arguments.Positional.Count == 1 ? arguments.Positional[0] : throw new CliUsageException("Give the roster file."));
        IReadOnlyList<RosterRowResult> rows;
        try
        {
            rows = await importer.ImportAsync(path, cancellationToken);
        }
        catch (RosterFileException ex)
        {
            await output.WriteLineAsync(ex.Message);
            return CliExitCode.Failed;
        }

        foreach (var row in rows)
        {
            await output.WriteLineAsync(row.Created
                ? $"line {row.Line}: created #{row.MemberId} {row.Name} ({row.Branch}, {(row.Role.Length == 0 ? "member" : row.Role)})"
                : $"line {row.Line}: skipped {row.Name} ({row.Branch}): {row.SkipReason}");
        }

        await output.WriteLineAsync($"{rows.Count(r => r.Created)} created, {rows.Count(r => !r.Created)} skipped.");
        return CliExitCode.Success;
    }
}

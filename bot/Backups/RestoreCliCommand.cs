using System.Globalization;
using ChatReport.Bot.Cli;

namespace ChatReport.Bot.Backups;

/// <summary><c>restore --from FILE</c>: puts a checked backup in the database's place while no bot serves it.</summary>
public sealed class RestoreCliCommand(DatabaseRestore restore) : ICliCommand
{
    public string Name => "restore";

    public string Usage => "restore --from FILE";

    public string Summary => "Replaces the database with the backup FILE after checking it; refuses while a bot serves the database. The current database is saved first.";

    /// <summary>It changes no rows; holding the writer for it would only hold up the bot's turns.</summary>
    public bool IsOneUnit => false;

    public bool RunsBeforeMigrations => true;

    public async Task<int> RunAsync(CliArguments arguments, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(output);
        var from = arguments.Allow(0, "from").Require("from");
        try
        {
            var result = await restore.RestoreAsync(from, cancellationToken);
            await output.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"Restored {result.Restored.Path} (schema version {result.Restored.SchemaVersion}, {result.Restored.LedgerEntries} ledger entries)."));
            await output.WriteLineAsync(result.PreviousSavedAt is { } saved
                ? $"The database it replaced is saved as {saved}."
                : "There was no database before.");
            await output.WriteLineAsync("Start the bot; it applies any newer schema steps at start.");
            return CliExitCode.Success;
        }
        catch (BackupException ex)
        {
            throw new CliFailureException(ex.Message);
        }
    }
}

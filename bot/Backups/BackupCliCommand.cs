using System.Globalization;
using ChatReport.Bot.Cli;

namespace ChatReport.Bot.Backups;

/// <summary><c>backup --out FILE</c>: a checked copy of the database, taken while the bot may be running.</summary>
public sealed class BackupCliCommand(DatabaseBackup backup) : ICliCommand
{
    public string Name => "backup";

    public string Usage => "backup --out FILE";

    public string Summary => "Copies the database to FILE (safe while the bot runs) and checks the copy with PRAGMA integrity_check.";

    /// <summary>It changes no rows; holding the writer for it would only hold up the bot's turns.</summary>
    public bool IsOneUnit => false;

    public bool RunsBeforeMigrations => true;

    public async Task<int> RunAsync(CliArguments arguments, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(output);
        var destination = arguments.Allow(0, "out").Require("out");
        try
        {
            var copy = await backup.BackUpAsync(destination, cancellationToken);
            await output.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"Backed up {backup.DatabasePath} to {copy.Path}: schema version {copy.SchemaVersion}, {copy.LedgerEntries} ledger entries, {copy.Bytes} bytes, integrity check ok."));
            return CliExitCode.Success;
        }
        catch (BackupException ex)
        {
            throw new CliFailureException(ex.Message);
        }
    }
}

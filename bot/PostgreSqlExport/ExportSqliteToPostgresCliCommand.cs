using System.Globalization;
using System.Text;
using ChatReport.Bot.Cli;
using ChatReport.Bot.Storage.Connections;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace ChatReport.Bot.PostgreSqlExport;

/// <summary>
/// <c>export-sqlite-to-postgres [--from FILE] [--to CONNECTION]</c>: moves a stopped bot's SQLite
/// database into an empty PostgreSQL database. Each side defaults to the configured database when
/// <c>Storage:Provider</c> names its engine, so the command runs with the settings of the bot before
/// the switch (give --to) or after it (give --from).
/// </summary>
public sealed class ExportSqliteToPostgresCliCommand(SqliteToPostgreSqlExport export, IConfiguration configuration, IOptions<StorageOptions> storage) : ICliCommand
{
    public string Name => "export-sqlite-to-postgres";

    public string Usage => "export-sqlite-to-postgres [--from FILE] [--to \"Host=…;Database=…;Username=…;Password=…\"]";

    public string Summary =>
        "Copies a stopped bot's SQLite database into an empty PostgreSQL database in one transaction and checks row counts and ledger totals before it commits. " +
        "--from defaults to the configured SQLite file, --to to the configured PostgreSQL database.";

    /// <summary>It writes to another database than the configured one, in a transaction of its own.</summary>
    public bool IsOneUnit => false;

    /// <summary>The configured database is neither migrated nor created for it: it may be the source, which is never changed.</summary>
    public bool RunsBeforeMigrations => true;

    public async Task<int> RunAsync(CliArguments arguments, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(output);
        arguments.Allow(0, "from", "to");
        var configured = configuration.GetConnectionString("ChatReport");
        var onPostgreSql = storage.Value.Provider == StorageProvider.PostgreSql;
        var from = arguments.Get("from")
            ?? (onPostgreSql
                ? throw new CliUsageException("--from is required: the bot is set for PostgreSQL, so name the SQLite file to export.")
                : new SqliteConnectionStringBuilder(configured ?? StorageOptions.DefaultConnectionString).DataSource);
        var to = arguments.Get("to")
            ?? (onPostgreSql && !string.IsNullOrWhiteSpace(configured)
                ? configured
                : throw new CliUsageException("--to is required: the Npgsql connection string of the new, empty PostgreSQL database (or set Storage:Provider=PostgreSql and ConnectionStrings:ChatReport)."));
        try
        {
            var result = await export.ExportAsync(from, to, cancellationToken);
            await output.WriteAsync(Describe(result));
            return CliExitCode.Success;
        }
        catch (ExportException ex)
        {
            throw new CliFailureException(ex.Message);
        }
    }

    internal static string Describe(ExportResult result)
    {
        var width = Math.Max("table".Length, result.Tables.Max(t => t.Name.Length));
        var text = new StringBuilder();
        var invariant = CultureInfo.InvariantCulture;
        text.AppendLine(invariant, $"Exported {result.Source} (schema version {result.SchemaVersion}) to PostgreSQL {result.Target}, in one transaction:");
        text.AppendLine(invariant, $"  {"table".PadRight(width)}  {"rows",12}  {"seconds",8}");
        foreach (var table in result.Tables)
        {
            text.AppendLine(invariant, $"  {table.Name.PadRight(width)}  {table.Rows,12:N0}  {table.Elapsed.TotalSeconds,8:0.00}");
        }

        text.AppendLine(invariant, $"  {"all".PadRight(width)}  {result.Tables.Sum(t => t.Rows),12:N0}  {result.Elapsed.TotalSeconds,8:0.00}");
        text.AppendLine(invariant, $"Checked before the commit: the same rows in all {result.Tables.Count} tables; the ledger's {result.Ledger.Entries:N0} entries give each of its {result.Ledger.Members:N0} members the same points on both sides, {result.Ledger.Points:N0} in all.");
        text.AppendLine("Now set Storage:Provider=PostgreSql and ConnectionStrings:ChatReport to the new database, and start the bot.");
        return text.ToString();
    }
}

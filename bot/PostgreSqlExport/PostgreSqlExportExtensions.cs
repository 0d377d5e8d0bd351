using ChatReport.Bot.Cli;

namespace ChatReport.Bot.PostgreSqlExport;

public static class PostgreSqlExportExtensions
{
    /// <summary>The <c>export-sqlite-to-postgres</c> command: moving a SQLite database to PostgreSQL.</summary>
    public static IHostApplicationBuilder AddChatReportPostgreSqlExport(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<SqliteToPostgreSqlExport>();
        builder.Services.AddSingleton<ICliCommand, ExportSqliteToPostgresCliCommand>();
        return builder;
    }
}

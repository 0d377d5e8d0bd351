using ChatReport.Bot.Storage.Connections;
using Dapper;
using Npgsql;

namespace ChatReport.Bot.Tests.Storage;

/// <summary>
/// Npgsql prepares the statements a connection runs again and again (automatic preparation),
/// unless the administrator's connection string says how.
/// </summary>
public sealed class PostgreSqlPreparationTests
{
    [Fact]
    public async Task DefaultsAreSetButAnAdministratorsOwnValuesStay()
    {
        await using var defaulted = new PostgreSqlConnectionFactory("Host=db.example;Database=chatreport;Username=bot");
        await using var chosen = new PostgreSqlConnectionFactory("Host=db.example;Database=chatreport;Username=bot;Max Auto Prepare=0;Auto Prepare Min Usages=7");

        var fromDefaults = new NpgsqlConnectionStringBuilder(defaulted.ConnectionString);
        var fromAdministrator = new NpgsqlConnectionStringBuilder(chosen.ConnectionString);

        Assert.Equal((PostgreSqlConnectionFactory.DefaultMaxAutoPrepare, PostgreSqlConnectionFactory.DefaultAutoPrepareMinUsages), (fromDefaults.MaxAutoPrepare, fromDefaults.AutoPrepareMinUsages));
        Assert.Equal((0, 7), (fromAdministrator.MaxAutoPrepare, fromAdministrator.AutoPrepareMinUsages));
    }

    [Fact]
    public async Task AStatementDapperRunsAgainOnAPooledConnectionIsPreparedOnTheServer()
    {
        using var db = new TestDatabase(provider: StorageProvider.PostgreSql);
        var ct = TestContext.Current.CancellationToken;
        await db.Migrator.MigrateAsync(ct);
        const string Lookup = "SELECT value FROM settings WHERE key = @Key";

        // Each call takes the pooled connection and gives it back, as a store's read does.
        for (var i = 0; i < 3; i++)
        {
            await using var connection = await db.Connections.OpenAsync(ct);
            await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(Lookup, new { Key = "none" }, cancellationToken: ct));
        }

        await using var again = await db.Connections.OpenAsync(ct);
        var prepared = await again.QueryAsync<string>(new CommandDefinition("SELECT statement FROM pg_prepared_statements", cancellationToken: ct));
        Assert.Contains(prepared, s => s.Contains("FROM settings WHERE key = $1", StringComparison.Ordinal));
    }
}

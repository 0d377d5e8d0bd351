using Dapper;

namespace ChatReport.Bot.Storage;

/// <summary>The <c>settings</c> table: small installation-wide values such as generated secrets.</summary>
public sealed class SettingsStore(SqliteConnectionFactory connections)
{
    // INSERT OR IGNORE then read back: two instances starting together agree on one value.
    private const string InsertIfMissing = """
        INSERT OR IGNORE INTO settings (key, value) VALUES (@Key, @Value)
        """;

    private const string SelectValue = """
        SELECT value FROM settings WHERE key = @Key
        """;

    public async Task<string?> GetAsync(string key, CancellationToken cancellationToken)
    {
        await using var lease = await connections.UseAsync(cancellationToken);
        var connection = lease.Connection;
        return await connection.ExecuteScalarAsync<string?>(new CommandDefinition(SelectValue, new { Key = key }, cancellationToken: cancellationToken));
    }

    /// <summary>Stores <paramref name="value"/> unless the key has one already; returns the value that holds.</summary>
    public async Task<string> GetOrAddAsync(string key, string value, CancellationToken cancellationToken)
    {
        await using var lease = await connections.UseAsync(cancellationToken);
        var connection = lease.Connection;
        await connection.ExecuteAsync(new CommandDefinition(InsertIfMissing, new { Key = key, Value = value }, cancellationToken: cancellationToken));
        return (await connection.ExecuteScalarAsync<string>(new CommandDefinition(SelectValue, new { Key = key }, cancellationToken: cancellationToken)))!;
    }
}

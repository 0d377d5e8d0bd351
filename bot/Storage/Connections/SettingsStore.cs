using Dapper;

namespace ChatReport.Bot.Storage.Connections;

/// <summary>The <c>settings</c> table: small installation-wide values such as generated secrets.</summary>
public sealed class SettingsStore(DbConnectionFactory connections)
{
    // Insert unless present, then read back: two instances starting together agree on one value.
    private const string InsertIfMissing = """
        INSERT INTO settings (key, value) VALUES (@Key, @Value) ON CONFLICT DO NOTHING
        """;

    private const string SelectValue = """
        SELECT value FROM settings WHERE key = @Key
        """;

    // Compare-and-set: only a value later than the stored one (ordinal, as ISO-8601 instants sort) moves it.
    private const string AdvanceSql = """
        UPDATE settings SET value = @Value WHERE key = @Key AND value < @Value
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

    /// <summary>
    /// Moves the key's value forward to <paramref name="value"/>; true for the one caller that moved
    /// it, false when it already was there or later. Several instances use it to claim a slot once.
    /// </summary>
    public Task<bool> TryAdvanceAsync(string key, string value, CancellationToken cancellationToken) =>
        connections.WriteAsync(
            async (connection, transaction) =>
            {
                await connection.ExecuteAsync(new CommandDefinition(InsertIfMissing, new { Key = key, Value = string.Empty }, transaction, cancellationToken: cancellationToken));
                return await connection.ExecuteAsync(new CommandDefinition(AdvanceSql, new { Key = key, Value = value }, transaction, cancellationToken: cancellationToken)) == 1;
            },
            cancellationToken);
}

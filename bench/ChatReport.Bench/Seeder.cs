using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace ChatReport.Bench;

/// <summary>
/// Branches with a secretary and a join code each, written straight into a migrated ChatReport
/// database (and as a codes file for the SDK peer). Members spread over many branches as in real
/// life (a branch has tens of members), so a join does not scan a roster of thousands.
/// </summary>
internal static class Seeder
{
    public const int FirstCode = 700001;

    public static string[] Codes(int branches) =>
        [.. Enumerable.Range(FirstCode, branches).Select(c => c.ToString(CultureInfo.InvariantCulture))];

    /// <summary>Starts the bot once so that it migrates and seeds rules and the cycle, stops it, then adds the branches.</summary>
    public static async Task<string[]> CreateDatabaseAsync(string botDll, string databasePath, int branches, CancellationToken cancellationToken)
    {
        foreach (var stale in new[] { databasePath, databasePath + "-wal", databasePath + "-shm" })
        {
            File.Delete(stale);
        }

        await using (var bot = BotProcess.ChatReport(botDll, databasePath, databasePath + ".migrate.log"))
        {
            await bot.StartAsync(cancellationToken);
            await bot.StopAsync();
        }

        var now = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
        var codes = Codes(branches);
        await using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        await connection.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync("INSERT INTO org_units (id, parent_id, kind, name, created_at) VALUES (1000000, NULL, 'committee', '基准测试党委', $now)", ("$now", now));
        for (var i = 0; i < branches; i++)
        {
            var unit = 1000001 + i;
            var secretary = 1000001 + i;
            await ExecuteAsync("INSERT INTO org_units (id, parent_id, kind, name, created_at) VALUES ($id, 1000000, 'branch', $name, $now)",
                ("$id", unit), ("$name", $"第{i + 1}党支部"), ("$now", now));
            await ExecuteAsync("INSERT INTO members (id, unit_id, display_name, joined_at) VALUES ($id, $unit, $name, $now)",
                ("$id", secretary), ("$unit", unit), ("$name", $"书记{i + 1}"), ("$now", now));
            await ExecuteAsync("INSERT INTO unit_roles (unit_id, member_id, role, can_review, granted_at) VALUES ($unit, $member, 'secretary', 1, $now)",
                ("$unit", unit), ("$member", secretary), ("$now", now));
            await ExecuteAsync("INSERT INTO join_codes (code, unit_id, created_by, created_at) VALUES ($code, $unit, $member, $now)",
                ("$code", codes[i]), ("$unit", unit), ("$member", secretary), ("$now", now));
        }

        await transaction.CommitAsync(cancellationToken);
        // Everything into the main file, so that a copy of it is a complete database.
        await using (var checkpoint = connection.CreateCommand())
        {
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            await checkpoint.ExecuteNonQueryAsync(cancellationToken);
        }

        return codes;

        async Task ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            foreach (var (name, value) in parameters)
            {
                command.Parameters.AddWithValue(name, value);
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>The SDK peer's codes file: code → branch name.</summary>
    public static async Task WriteCodesFileAsync(string path, string[] codes, CancellationToken cancellationToken)
    {
        var map = codes.Select((code, i) => (code, name: $"第{i + 1}党支部")).ToDictionary(c => c.code, c => c.name);
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(map), cancellationToken);
    }
}

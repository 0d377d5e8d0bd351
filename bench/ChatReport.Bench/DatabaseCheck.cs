using System.Globalization;
using Microsoft.Data.Sqlite;

namespace ChatReport.Bench;

/// <summary>
/// What must hold in a ChatReport database after any run: SQLite's own integrity, foreign keys,
/// the ledger's invariants (append-only, one bonus per approved claim, one claim per submit
/// activity) and readable dialog state. Each problem is a line in <see cref="Problems"/>.
/// </summary>
internal sealed class DatabaseCheck
{
    private DatabaseCheck(Dictionary<string, long> counts, List<string> problems)
    {
        Counts = counts;
        Problems = problems;
    }

    public IReadOnlyDictionary<string, long> Counts { get; }

    public List<string> Problems { get; }

    public static async Task<DatabaseCheck> RunAsync(string databasePath, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var counts = new Dictionary<string, long>();
        await using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        await connection.OpenAsync(cancellationToken);

        var integrity = await ScalarTextAsync("PRAGMA integrity_check");
        if (integrity != "ok")
        {
            problems.Add($"PRAGMA integrity_check: {integrity}");
        }

        var foreignKeys = await CountAsync("SELECT COUNT(*) FROM pragma_foreign_key_check");
        if (foreignKeys > 0)
        {
            problems.Add($"{foreignKeys} rows break a foreign key (PRAGMA foreign_key_check)");
        }

        foreach (var table in new[] { "members", "channel_accounts", "claims", "ledger_entries", "dialog_states", "processed_activities", "audit_log" })
        {
            counts[table] = await CountAsync($"SELECT COUNT(*) FROM {table}");
        }

        var doubledSubmits = await CountAsync("""
            SELECT COUNT(*) FROM (SELECT 1 FROM claims GROUP BY source_channel_id, source_conversation_id, source_activity_id HAVING COUNT(*) > 1)
            """);
        if (doubledSubmits > 0)
        {
            problems.Add($"{doubledSubmits} submit activities made more than one claim");
        }

        // Every bench flow is a new person who reports once.
        var doubledMembers = await CountAsync("""
            SELECT COUNT(*) FROM (SELECT member_id FROM claims GROUP BY member_id HAVING COUNT(*) > 1)
            """);
        counts["members with more than one claim"] = doubledMembers;

        // Joining through a channel writes the member's base entry for the open cycle in the same transaction.
        var joinedWithoutBase = await CountAsync("""
            SELECT COUNT(*) FROM members m
            WHERE EXISTS (SELECT 1 FROM channel_accounts a WHERE a.member_id = m.id)
              AND (SELECT COUNT(*) FROM ledger_entries l WHERE l.member_id = m.id AND l.kind = 'base' AND l.cycle_id = (SELECT MAX(id) FROM cycles)) <> 1
            """);
        if (joinedWithoutBase > 0)
        {
            problems.Add($"{joinedWithoutBase} joined members without exactly one base entry for the cycle");
        }

        var approvedWithoutOneBonus = await CountAsync("""
            SELECT COUNT(*) FROM claims c
            WHERE c.status = 'approved'
              AND (SELECT COUNT(*) FROM ledger_entries l WHERE l.claim_id = c.id AND l.kind = 'bonus') <> 1
            """);
        if (approvedWithoutOneBonus > 0)
        {
            problems.Add($"{approvedWithoutOneBonus} approved claims without exactly one bonus entry");
        }

        var bonusWithoutApproval = await CountAsync("""
            SELECT COUNT(*) FROM ledger_entries l JOIN claims c ON c.id = l.claim_id
            WHERE l.kind = 'bonus' AND c.status <> 'approved'
              AND NOT EXISTS (SELECT 1 FROM ledger_entries r WHERE r.reverses_entry_id = l.id)
            """);
        if (bonusWithoutApproval > 0)
        {
            problems.Add($"{bonusWithoutApproval} bonus entries for claims that are not approved and not reversed");
        }

        var badStates = await CountAsync("SELECT COUNT(*) FROM dialog_states WHERE json_valid(state_json) = 0");
        if (badStates > 0)
        {
            problems.Add($"{badStates} dialog states are not valid JSON");
        }

        var triggers = await CountAsync("SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND name IN ('tr_ledger_no_update', 'tr_ledger_no_delete')");
        if (triggers != 2)
        {
            problems.Add("the ledger's append-only triggers are missing");
        }

        // Try to change the ledger: both must be refused (and nothing is kept either way).
        await using (var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken))
        {
            await ExecuteAsync("""
                INSERT INTO ledger_entries (member_id, unit_id, cycle_id, quarter, kind, points, occurred_on, recorded_at)
                SELECT m.id, m.unit_id, (SELECT MAX(id) FROM cycles), 1, 'adjustment', 1, '2026-01-01', '2026-01-01T00:00:00.0000000Z'
                FROM members m LIMIT 1
                """, transaction);
            foreach (var change in new[] { "UPDATE ledger_entries SET points = points + 1", "DELETE FROM ledger_entries" })
            {
                try
                {
                    await ExecuteAsync(change, transaction);
                    problems.Add($"the ledger allowed: {change}");
                }
                catch (SqliteException)
                {
                }
            }

            await transaction.RollbackAsync(cancellationToken);
        }

        return new DatabaseCheck(counts, problems);

        async Task<long> CountAsync(string sql)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }

        async Task<string?> ScalarTextAsync(string sql)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            return Convert.ToString(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }

        async Task ExecuteAsync(string sql, SqliteTransaction transaction)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public void Print()
    {
        Console.WriteLine("database: " + string.Join(", ", Counts.Select(c => $"{c.Key} {c.Value}")));
        Console.WriteLine(Problems.Count == 0 ? "database: integrity ok, ledger invariants hold" : "database problems:\n  " + string.Join("\n  ", Problems));
    }
}

using System.Diagnostics;
using System.Globalization;
using ChatReport.Bot.Storage.Connections;
using ChatReport.Bot.Storage.Domain;
using ChatReport.Bot.Storage.Migrations;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatReport.Bench.Digests;

/// <summary>
/// Writes a city's worth of data into a fresh SQLite file: units, members, reviewers, groups,
/// a year of approved claims with their ledger entries, deductions, pending claims, tasks and a
/// year of digest runs. Bulk speed comes from one connection, prepared commands, large
/// transactions and no journal (a generator that crashes is simply run again).
/// </summary>
internal sealed class Generator(BenchSettings settings, TextWriter output)
{
    private static readonly string[] s_deeds = ["扫雪", "理发", "打扫卫生", "志愿服务", "便民值班", "上门帮扶", "调解纠纷", "义务劳动"];
    private readonly Random _random = new(20261230);
    private long _nextClaimId = 1;

    public async Task GenerateAsync(CancellationToken cancellationToken)
    {
        var total = Stopwatch.StartNew();
        var connections = new SqliteConnectionFactory($"Data Source={settings.DatabasePath}", Options.Create(new StorageOptions { Synchronous = "NORMAL" }));
        var time = TimeProvider.System;
        await new DatabaseMigrator(connections, time, NullLogger<DatabaseMigrator>.Instance).MigrateAsync(cancellationToken);
        var rules = new RuleStore(connections, time, Options.Create(new RulesOptions { Path = settings.RulesPath }));
        var loaded = await rules.ReloadAsync(null, cancellationToken);
        if (!loaded.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", loaded.Errors));
        }

        var ruleList = await rules.ListActiveAsync(cancellationToken);
        var bonusRules = ruleList.Where(r => r.Kind == ChatReport.Conversation.Domain.RuleKind.Bonus).ToArray();
        var deductionRules = ruleList.Where(r => r.Kind == ChatReport.Conversation.Domain.RuleKind.Deduction).ToArray();
        var baseRule = ruleList.Single(r => r.Kind == ChatReport.Conversation.Domain.RuleKind.Base);
        SqliteConnection.ClearAllPools();

        await using var connection = new SqliteConnection($"Data Source={settings.DatabasePath};Pooling=False");
        await connection.OpenAsync(cancellationToken);
        await ExecAsync(connection, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-2000000; PRAGMA temp_store=MEMORY; PRAGMA locking_mode=EXCLUSIVE; PRAGMA foreign_keys=OFF;");

        var phase = Stopwatch.StartNew();
        var branches = await OrganisationAsync(connection, baseRule.Id, baseRule.DefaultPoints);
        await output.WriteLineAsync($"  organisation: {branches.Count:N0} branches, {branches.Sum(b => b.MemberCount):N0} members ({phase.Elapsed.TotalSeconds:F0} s)");

        phase.Restart();
        var (claims, entries) = await ClaimsAsync(connection, branches, bonusRules, deductionRules);
        await output.WriteLineAsync($"  claims and ledger: {claims:N0} claims, {entries:N0} ledger entries besides base points ({phase.Elapsed.TotalSeconds:F0} s)");

        phase.Restart();
        var runs = await TasksAndRunsAsync(connection, branches);
        await output.WriteLineAsync($"  tasks and a year of digest runs: {runs:N0} runs ({phase.Elapsed.TotalSeconds:F0} s)");

        await ExecAsync(connection, "PRAGMA locking_mode=NORMAL; PRAGMA journal_mode=WAL;");
        await output.WriteLineAsync($"  generated in {total.Elapsed.TotalMinutes:F1} min");
    }

    private async Task<List<Branch>> OrganisationAsync(SqliteConnection connection, long baseRuleId, int basePoints)
    {
        var created = Instant(settings.CycleStart.ToDateTime(TimeOnly.MinValue).AddDays(-30));
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        var unit = Prepare(connection, transaction, "INSERT INTO org_units (id, parent_id, kind, name, time_zone, is_active, created_at) VALUES ($id, $parent, $kind, $name, 'Asia/Shanghai', 1, $at)", "$id", "$parent", "$kind", "$name", "$at");
        var member = Prepare(connection, transaction, "INSERT INTO members (id, unit_id, display_name, is_active, joined_at) VALUES ($id, $unit, $name, 1, $at)", "$id", "$unit", "$name", "$at");
        var role = Prepare(connection, transaction, "INSERT INTO unit_roles (unit_id, member_id, role, can_review, granted_at) VALUES ($unit, $member, $role, 1, $at)", "$unit", "$member", "$role", "$at");
        var account = Prepare(connection, transaction, "INSERT INTO channel_accounts (channel_id, user_id, member_id, linked_at) VALUES ('msteams', $user, $member, $at)", "$user", "$member", "$at");
        var reference = Prepare(
            connection, transaction,
            "INSERT INTO conversation_references (channel_id, conversation_id, service_url, bot_id, user_id, tenant_id, conversation_type, is_group, locale, verified, updated_at) " +
            "VALUES ('msteams', $conversation, 'http://localhost/stub/', '28:bench-bot', $user, 'tenant-1', $type, $group, 'zh-CN', 1, $at)",
            "$conversation", "$user", "$type", "$group", "$at");
        var subscription = Prepare(connection, transaction, "INSERT INTO group_subscriptions (channel_id, conversation_id, unit_id, subscribed_by, subscribed_at) VALUES ('msteams', $conversation, $unit, $member, $at)", "$conversation", "$unit", "$member", "$at");

        Run(unit, 1L, DBNull.Value, "committee", "洛阳市委", created);
        var generalBranches = Math.Max(1, settings.Branches / 100);
        for (var g = 0; g < generalBranches; g++)
        {
            Run(unit, 2L + g, 1L, "general_branch", $"第{g + 1}党总支", created);
        }

        // Branch sizes vary around the city's average; together they make exactly the member count.
        var sizes = Sizes(settings.Members, settings.Branches);
        var branches = new List<Branch>(settings.Branches);
        long nextMember = 1;
        for (var b = 0; b < settings.Branches; b++)
        {
            var unitId = 2L + generalBranches + b;
            Run(unit, unitId, 2L + (b % generalBranches), "branch", $"第{b + 1}党支部", created);
            var first = nextMember;
            for (var i = 0; i < sizes[b]; i++)
            {
                Run(member, nextMember++, unitId, $"党员{first + i}", created);
            }

            // The first member is the secretary, reachable in a personal chat; the branch has one group.
            Run(role, unitId, first, "secretary", created);
            Run(account, $"29:m{first}", first, created);
            Run(reference, $"a:m{first}", $"29:m{first}", "personal", 0, created);
            Run(reference, $"19:g{unitId}@thread.v2", $"29:m{first}", "groupChat", 1, created);
            Run(subscription, $"19:g{unitId}@thread.v2", unitId, first, created);
            branches.Add(new Branch(unitId, first, sizes[b]));
        }

        await ExecAsync(connection, string.Create(CultureInfo.InvariantCulture, $"""
            INSERT INTO cycles (id, year, starts_on, ends_on, is_open) VALUES (1, {settings.CycleStart.Year}, '{settings.CycleStart:yyyy-MM-dd}', '{settings.CycleStart.AddYears(1).AddDays(-1):yyyy-MM-dd}', 1);
            INSERT INTO ledger_entries (member_id, unit_id, cycle_id, quarter, kind, points, rule_id, occurred_on, reason, recorded_at)
            SELECT id, unit_id, 1, 1, 'base', {basePoints}, {baseRuleId}, '{settings.CycleStart:yyyy-MM-dd}', '基础积分', '{created}' FROM members ORDER BY id;
            """), transaction);
        await transaction.CommitAsync();
        return branches;
    }

    private async Task<(long Claims, long Entries)> ClaimsAsync(SqliteConnection connection, List<Branch> branches, ChatReport.Conversation.Domain.PointRule[] bonusRules, ChatReport.Conversation.Domain.PointRule[] deductionRules)
    {
        var days = settings.Today.DayNumber - settings.CycleStart.DayNumber + 1;
        // 2% over, for the claims still pending at the end and the rounding of each member's count.
        var perMember = 1.02 * (settings.Entries - settings.Members) / settings.Members;
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        var claim = Prepare(
            connection, transaction,
            "INSERT INTO claims (id, member_id, unit_id, rule_id, rule_version, cycle_id, occurred_at, occurred_on, description, claimed_points, status, awarded_points, decided_by, decided_at, " +
            "source_channel_id, source_conversation_id, source_activity_id, created_at) " +
            "VALUES ($id, $member, $unit, $rule, 1, 1, $occurredAt, $occurredOn, $description, $points, $status, $awarded, $decidedBy, $decidedAt, 'msteams', $conversation, $activity, $createdAt)",
            "$id", "$member", "$unit", "$rule", "$occurredAt", "$occurredOn", "$description", "$points", "$status", "$awarded", "$decidedBy", "$decidedAt", "$conversation", "$activity", "$createdAt");
        var entry = Prepare(
            connection, transaction,
            "INSERT INTO ledger_entries (member_id, unit_id, cycle_id, quarter, kind, points, rule_id, claim_id, occurred_on, reason, recorded_by, recorded_at) " +
            "VALUES ($member, $unit, 1, $quarter, $kind, $points, $rule, $claim, $occurredOn, $reason, $by, $at)",
            "$member", "$unit", "$quarter", "$kind", "$points", "$rule", "$claim", "$occurredOn", "$reason", "$by", "$at");

        long claims = 0, entries = 0;
        var dates = new List<int>();
        foreach (var branch in branches)
        {
            for (var m = branch.FirstMember; m < branch.FirstMember + branch.MemberCount; m++)
            {
                // Poisson-like spread around the average: some members report weekly, some rarely.
                var count = (int)Math.Round(perMember * (0.4 + (1.2 * _random.NextDouble())));
                dates.Clear();
                for (var i = 0; i < count; i++)
                {
                    dates.Add(_random.Next(days));
                }

                dates.Sort();
                foreach (var offset in dates)
                {
                    var day = settings.CycleStart.AddDays(offset);
                    var rule = bonusRules[_random.Next(bonusRules.Length)];
                    var occurred = day.ToDateTime(new TimeOnly(7 + _random.Next(10), _random.Next(60))).AddHours(-8);
                    // Reviewed within a day or two, at some hour of the working day (Beijing time).
                    var decided = day.AddDays(_random.Next(2)).ToDateTime(new TimeOnly(8 + _random.Next(14), _random.Next(60), _random.Next(60))).AddHours(-8);
                    var pending = decided > settings.Now.UtcDateTime;
                    var id = _nextClaimId++;
                    var points = rule.DefaultPoints;
                    Run(
                        claim, id, m, branch.UnitId, rule.Id, Instant(occurred), Day(day), s_deeds[_random.Next(s_deeds.Length)], points,
                        pending ? "pending" : "approved", pending ? DBNull.Value : points, pending ? DBNull.Value : branch.FirstMember,
                        pending ? DBNull.Value : Instant(decided), $"a:m{m}", $"act{id}", Instant(occurred));
                    claims++;
                    if (!pending)
                    {
                        Run(entry, m, branch.UnitId, Quarter(day), "bonus", points, rule.Id, id, Day(day), DBNull.Value, branch.FirstMember, Instant(decided));
                        entries++;
                    }
                }

                // About one member in twenty gets a deduction during the year.
                if (_random.Next(20) == 0)
                {
                    var day = settings.CycleStart.AddDays(_random.Next(days));
                    var rule = deductionRules[_random.Next(deductionRules.Length)];
                    var at = day.ToDateTime(new TimeOnly(9 + _random.Next(10), 0)).AddHours(-8);
                    Run(entry, m, branch.UnitId, Quarter(day), "deduction", -rule.DefaultPoints, rule.Id, DBNull.Value, Day(day), "群众反映", branch.FirstMember, Instant(at));
                    entries++;
                }
            }
        }

        await transaction.CommitAsync();
        return (claims, entries);
    }

    private async Task<long> TasksAndRunsAsync(SqliteConnection connection, List<Branch> branches)
    {
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        var task = Prepare(
            connection, transaction,
            "INSERT INTO service_tasks (unit_id, title, place, starts_at, points_each, places, status, created_by, created_at) VALUES ($unit, $title, '村委会', $starts, 2, $places, $status, $by, $at)",
            "$unit", "$title", "$starts", "$places", "$status", "$by", "$at");
        var run = Prepare(
            connection, transaction,
            "INSERT INTO digest_runs (channel_id, conversation_id, unit_id, local_date, status, claimed_by, claimed_at, finished_at, attempts, is_late, window_start, window_end) " +
            "VALUES ('msteams', $conversation, $unit, $day, $status, 'bench', $at, $at, 1, 0, $start, $end)",
            "$conversation", "$unit", "$day", "$status", "$at", "$start", "$end");
        long runs = 0;
        foreach (var branch in branches)
        {
            var now = settings.Now.UtcDateTime;
            Run(task, branch.UnitId, "清扫村道", Instant(now.AddDays(2)), 10, "open", branch.FirstMember, Instant(now.AddDays(-1)));
            Run(task, branch.UnitId, "慰问孤寡老人", Instant(now.AddDays(-10)), DBNull.Value, "completed", branch.FirstMember, Instant(now.AddDays(-15)));
            // Every evening of the year up to yesterday, sent or (on quiet days) skipped.
            var conversation = $"19:g{branch.UnitId}@thread.v2";
            for (var day = settings.CycleStart; day < settings.Today; day = day.AddDays(1))
            {
                var end = day.ToDateTime(new TimeOnly(12, 0));
                Run(run, conversation, branch.UnitId, Day(day), _random.Next(4) == 0 ? "skipped" : "sent", Instant(end.AddSeconds(5)), Instant(end.AddDays(-1)), Instant(end));
                runs++;
            }
        }

        await transaction.CommitAsync();
        return runs;
    }

    private static int[] Sizes(int members, int branches)
    {
        var random = new Random(7);
        var sizes = new int[branches];
        var average = (double)members / branches;
        var assigned = 0;
        for (var b = 0; b < branches; b++)
        {
            sizes[b] = Math.Max(3, (int)Math.Round(average * (0.35 + (1.3 * random.NextDouble()))));
            assigned += sizes[b];
        }

        // Even out the rounding so the city has exactly the members asked for.
        for (var b = 0; assigned != members; b = (b + 1) % branches)
        {
            var step = assigned < members ? 1 : -1;
            if (sizes[b] + step >= 3)
            {
                sizes[b] += step;
                assigned += step;
            }
        }

        return sizes;
    }

    private int Quarter(DateOnly day) => ((day.Month - settings.CycleStart.Month + 12) % 12 / 3) + 1;

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Instant(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("O", CultureInfo.InvariantCulture);

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in names)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        command.Prepare();
        return command;
    }

    private static void Run(SqliteCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }

        command.ExecuteNonQuery();
    }

    private static async Task ExecAsync(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync();
    }

    private sealed record Branch(long UnitId, long FirstMember, int MemberCount);
}

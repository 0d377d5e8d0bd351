using System.Diagnostics;
using System.Globalization;
using ChatReport.Bot.Digests;
using ChatReport.Bot.Notices;
using ChatReport.Bot.Storage.Channels;
using ChatReport.Bot.Storage.Connections;
using ChatReport.Bot.Storage.Domain;
using ChatReport.Bot.Storage.Schedules;
using ChatReport.Conversation.Notices;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChatReport.Bench.Digests;

/// <summary>
/// Times what the issue asks about on the generated city, each through the product's own code,
/// on whichever database <paramref name="connections"/> opens (the SQLite file or its export to
/// PostgreSQL): one code path, the SQL that differs picked per connection as the stores do.
/// </summary>
internal sealed class Measurements(BenchSettings settings, DbConnectionFactory connections, TextWriter output)
{
    private const int Repeats = 5;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var time = new FakeTimeProvider(settings.Now);
        var cycleOptions = Options.Create(new CycleOptions());
        var digestOptions = Options.Create(new DigestOptions { SendsPerSecond = settings.SendsPerSecond, MaxConcurrentSends = 8 });
        var cycles = new CycleStore(connections, time, cycleOptions);
        var ledger = new LedgerStore(connections, time);

        await using (var connection = await connections.OpenAsync(cancellationToken))
        {
            var counts = await connection.QuerySingleAsync<(long Members, long Branches, long Claims, long Entries, long Runs)>(new CommandDefinition(
                """
                SELECT (SELECT count(*) FROM members), (SELECT count(*) FROM org_units WHERE kind = 'branch'), (SELECT max(id) FROM claims),
                       (SELECT max(id) FROM ledger_entries), (SELECT count(*) FROM digest_runs)
                """,
                cancellationToken: cancellationToken));
            // A re-run measures the same evening again.
            await connection.ExecuteAsync(new CommandDefinition("DELETE FROM digest_runs WHERE local_date >= @Day", new { Day = settings.Today }, cancellationToken: cancellationToken));
            // SQLite: the deletion moved into the file, so the size below is the file's and no read goes through the WAL.
            // PostgreSQL's own checkpoints see to its WAL.
            await connection.ExecuteAsync(new CommandDefinition(
                SqlDialect.Pick(connection, "PRAGMA wal_checkpoint(TRUNCATE)", "SELECT 1"), cancellationToken: cancellationToken));
            var bytes = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                SqlDialect.Pick(connection, "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()", "SELECT pg_database_size(current_database())"),
                cancellationToken: cancellationToken));
            await output.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"{connections.Provider} database {connections.DataSource}: {bytes / 1024.0 / 1024 / 1024:N2} GiB; measuring at {LoadAverage.Now()}"));
            await output.WriteLineAsync($"  {counts.Members:N0} members, {counts.Branches:N0} branches, {counts.Claims:N0} claims, {counts.Entries:N0} ledger entries, {counts.Runs:N0} digest runs");
        }

        var cycle = (await cycles.FindCycleAsync(settings.CycleStart.Year, cancellationToken))!;
        var memberId = await ScalarAsync<long>(connections, "SELECT max(id) / 2 FROM members", new { }, cancellationToken);
        var unitId = await ScalarAsync<long>(connections, "SELECT unit_id FROM members WHERE id = @Id", new { Id = memberId }, cancellationToken);

        await TimeAsync("a member's total (我的积分)", () => ledger.GetTotalAsync(memberId, cycle.Id, null, cancellationToken), t => $"{t.Total} points");
        await TimeAsync("a member's rank in the branch", () => ledger.GetRankAsync(memberId, cycle.Id, null, cancellationToken), r => $"rank {r!.Standing.Rank} of {r.RankedMembers}");
        await TimeAsync("a branch's ranking (排行榜)", () => ledger.GetStandingsAsync(unitId, cycle.Id, null, cancellationToken), s => $"{s.Count} members, top {s[0].Points.Total}");

        var organisation = new OrgUnitStore(connections, time);
        var members = new MemberStore(connections, time);
        var builder = new NoticeBuilder(new NoticeStore(connections, time), organisation, cycles, members, cycleOptions);
        var notice = await TimeAsync("a quarter's notice for the branch (build)", () => builder.BuildAsync(unitId, settings.CycleStart.Year, 4, cancellationToken), n => $"{n!.Rows.Count} rows, {n.Rows.Sum(r => r.Items.Count)} items");
        await TimeAsync("  … as CSV", () => NoticeExporter.ExportAsync(notice!, NoticeExportFormat.Csv, "zh-CN", cancellationToken), f => $"{f.Content.Length:N0} bytes");
        await TimeAsync("  … as xlsx", () => NoticeExporter.ExportAsync(notice!, NoticeExportFormat.Xlsx, "zh-CN", cancellationToken), f => $"{f.Content.Length:N0} bytes");

        await DigestsAsync(cycles, time, digestOptions, cancellationToken);
        await PacingAsync(cancellationToken);
        await PlansAsync(cancellationToken);
        await output.WriteLineAsync($"measured; {LoadAverage.Now()}");
    }

    private async Task DigestsAsync(CycleStore cycles, TimeProvider time, IOptions<DigestOptions> options, CancellationToken cancellationToken)
    {
        var runs = new DigestRunStore(connections, time);
        var reader = new DigestDataReader(connections);

        // The computing alone: plan every group, then read every due branch's data in one go.
        var watch = Stopwatch.StartNew();
        var plan = await runs.LoadPlanAsync(cancellationToken);
        var planned = watch.Elapsed;
        var cycle = (await cycles.FindCycleForDateAsync(settings.Today, cancellationToken))!;
        var occurrence = new DateTimeOffset(settings.Today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
        var windows = plan.GroupBy(g => g.UnitId)
            .Select(g => new DigestDataReader.DigestUnitWindow(g.Key, g.Min(s => s.CoveredUntil ?? s.SubscribedAt), occurrence, cycle.Id, cycle.QuarterOf(settings.Today)))
            .ToList();
        watch.Restart();
        var data = await reader.ReadAsync(windows, cancellationToken);
        var read = watch.Elapsed;
        await output.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"one evening's digests, computing: plan {plan.Count:N0} groups {planned.TotalMilliseconds:N0} ms; read {windows.Count:N0} branches' news, top three, tasks, pending in {read.TotalMilliseconds:N0} ms " +
            $"({data.News.Sum(g => g.Count()):N0} news rows, {data.Leaders.Sum(g => g.Count()):N0} leaders, {data.Tasks.Sum(g => g.Count()):N0} tasks)"));

        // The whole round through the product's dispatcher, posting to a local Connector stub over HTTP.
        await using var stub = await ConnectorStub.StartAsync();
        using var http = new HttpClient { BaseAddress = stub.BaseAddress };
        var messenger = new HttpGroupMessenger(http);
        using var pacer = new SendPacer(options, Options.Create(new StorageOptions()));
        await using var commits = new GroupCommit(connections, Options.Create(new StorageOptions()), NullLogger<GroupCommit>.Instance);
        var dispatcher = new DigestDispatcher(
            runs, reader, cycles, messenger, commits, pacer,
            new FailureReporter(new MemberChatStore(connections), messenger, NullLogger<FailureReporter>.Instance),
            time, options, NullLogger<DigestDispatcher>.Instance);
        watch.Restart();
        var report = await dispatcher.RunDueAsync(cancellationToken);
        var round = watch.Elapsed;
        await output.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"one evening's digests, whole round at up to {options.Value.SendsPerSecond}/s: {round.TotalSeconds:N1} s; {report.Due:N0} due, {report.Sent:N0} sent " +
            $"({report.Sent / round.TotalSeconds:N0}/s), {report.Skipped:N0} empty, {report.Failed} failed; stub received {stub.Received:N0}"));
        await output.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"  at Teams' 30 requests/s per tenant the sending alone would take {report.Sent / 30.0 / 60:N1} min; at the default 20/s {report.Sent / 20.0 / 60:N1} min"));
        watch.Restart();
        var again = await dispatcher.RunDueAsync(cancellationToken);
        await output.WriteLineAsync($"  a second round the same evening: {again.Due} due, {watch.Elapsed.TotalMilliseconds:N0} ms");
    }

    private async Task PacingAsync(CancellationToken cancellationToken)
    {
        const int Sends = 150;
        using var pacer = new SendPacer(Options.Create(new DigestOptions { SendsPerSecond = 30 }), Options.Create(new StorageOptions()));
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < Sends; i++)
        {
            await pacer.WaitAsync(SendPacer.PartitionOf("msteams", "tenant-1"), cancellationToken);
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"pacer at 30/s: {Sends} permits in {watch.Elapsed.TotalSeconds:N1} s ({Sends / watch.Elapsed.TotalSeconds:N1}/s)"));
    }

    private async Task PlansAsync(CancellationToken cancellationToken)
    {
        // The digest's own queries, over a temporary table of every branch filled as the reader fills it.
        var sql = DigestDataSql.For(connections.Provider);
        await using var connection = await connections.OpenAsync(cancellationToken);
        var branches = await connection.QueryAsync<long>(new CommandDefinition("SELECT id FROM org_units WHERE kind = 'branch' ORDER BY id", cancellationToken: cancellationToken));
        var from = new DateTimeOffset(settings.Today.AddDays(-1).ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
        await connection.ExecuteAsync(new CommandDefinition(sql.CreateDue, cancellationToken: cancellationToken));
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            await connection.ExecuteAsync(new CommandDefinition(
                sql.InsertDue,
                branches.Select(id => new DigestDataReader.DigestUnitWindow(id, from, from.AddDays(1), 1, 4)),
                transaction,
                cancellationToken: cancellationToken));
            await transaction.CommitAsync(cancellationToken);
        }

        // SQLite says which index each step uses; PostgreSQL runs the query and says where its time went.
        var explain = SqlDialect.Pick(connection, "EXPLAIN QUERY PLAN ", "EXPLAIN (ANALYZE, BUFFERS) ");
        var separator = connections.Provider == StorageProvider.PostgreSql ? "\n      " : " | ";
        await output.WriteLineAsync("query plans:");
        foreach (var (name, query) in new[]
        {
            ("news", sql.News),
            ("top three", sql.Leaders),
            ("pending", sql.Pending),
            ("tasks", sql.Tasks),
            ("plan (subscriptions, last covered)", DigestRunStore.Plan),
            ("runs of a day", "SELECT id FROM digest_runs WHERE local_date IN ('2026-12-30')"),
        })
        {
            // SQLite's plan is four columns with the step last, PostgreSQL's one line of text per row.
            var plan = await connection.QueryAsync(new CommandDefinition(explain + query, cancellationToken: cancellationToken));
            var steps = plan.Select(row => Convert.ToString(((IDictionary<string, object>)row).Values.Last(), CultureInfo.InvariantCulture));
            await output.WriteLineAsync($"  {name}: {string.Join(separator, steps)}");
        }

        await connection.ExecuteAsync(new CommandDefinition(sql.DropDue, cancellationToken: cancellationToken));
    }

    private async Task<T> TimeAsync<T>(string what, Func<Task<T>> work, Func<T, string> describe)
    {
        var times = new List<double>();
        T result = default!;
        for (var i = 0; i < Repeats; i++)
        {
            var watch = Stopwatch.StartNew();
            result = await work();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{what}: first {times.Max():N1} ms, median of {Repeats} {times[Repeats / 2]:N1} ms — {describe(result)}"));
        return result;
    }

    private static async Task<T> ScalarAsync<T>(DbConnectionFactory connections, string sql, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<T>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)) ?? throw new InvalidOperationException(sql);
    }
}

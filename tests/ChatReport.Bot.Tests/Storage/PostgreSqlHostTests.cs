using System.Net;
using ChatReport.Bot.Cli;
using ChatReport.Bot.Storage.Connections;
using ChatReport.Bot.Tests.Conversation;
using ChatReport.Bot.Tests.Support;
using ChatReport.Conversation.Domain;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace ChatReport.Bot.Tests.Storage;

/// <summary>The real host with <c>Storage:Provider=PostgreSql</c>: it migrates the empty database at start and serves the points loop from it.</summary>
public sealed class PostgreSqlHostTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AMemberJoinsReportsAndIsApprovedAndTheLedgerOnPostgreSqlHoldsThePoints()
    {
        await using var app = new ChatReportApplication(provider: StorageProvider.PostgreSql);
        using var client = app.CreateClient();
        Assert.IsType<PostgreSqlConnectionFactory>(app.Services.GetRequiredService<DbConnectionFactory>());
        var branch = await ChatBranch.CreateAsync(app);
        var secretary = BotChat.For(app, client, userId: "29:secretary", userName: "李书记");
        var member = BotChat.For(app, client, userId: "29:member", userName: "王芳");

        Assert.Contains("欢迎李书记", Assert.Single(await secretary.SayAsync($"加入 {branch.SecretaryCode}")), StringComparison.Ordinal);
        await member.SayAsync($"加入 {branch.Code}");
        await member.SayAsync("是");
        await member.SayAsync("申报 昨天下午在村口带头扫雪两个小时");
        await member.SayAsync("跳过");
        await member.SayAsync("提交");
        var claim = Assert.Single(await app.Services.GetRequiredService<IClaimBook>().ListPendingAsync(branch.Unit.Id, null, Token));
        await secretary.SayAsync($"通过 {claim.Id}");

        Assert.Contains("2026年积分：61 分", (await member.SayAsync("我的积分"))[^1], StringComparison.Ordinal);
        var joined = await member.MemberAsync();
        Assert.NotNull(joined);
        Assert.Equal(new PointsBreakdown(60, 1, 0), await app.Services.GetRequiredService<ILedger>().GetTotalAsync(joined.Id, branch.Cycle.Id, null, Token));
        // Read back from the server itself, past every cache: one base entry and one bonus.
        await using var connection = await app.Services.GetRequiredService<DbConnectionFactory>().OpenAsync(Token);
        Assert.Equal(
            [("base", 60), ("bonus", 1)],
            (await connection.QueryAsync<(string Kind, int Points)>(new CommandDefinition(
                "SELECT kind, points FROM ledger_entries WHERE member_id = @Id ORDER BY id", new { joined.Id }, cancellationToken: Token))).ToList());
    }

    [Fact]
    public async Task OnPostgreSqlTheBotIsReadyAndBackupAndRestoreRefuseWithAClearLine()
    {
        await using var app = new ChatReportApplication(provider: StorageProvider.PostgreSql);
        using var client = app.CreateClient();

        using var ready = await client.GetAsync(new Uri("/healthz/ready", UriKind.Relative), Token);
        var backup = await RunAsync(app, "backup", "--out", Path.Combine(Path.GetTempPath(), $"never-{Guid.NewGuid():N}.db"));
        var restore = await RunAsync(app, "restore", "--from", Path.Combine(Path.GetTempPath(), $"never-{Guid.NewGuid():N}.db"));

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal(CliExitCode.Failed, backup.Code);
        Assert.Contains("SQLite-only", backup.Error, StringComparison.Ordinal);
        Assert.Contains("pg_dump", backup.Error, StringComparison.Ordinal);
        Assert.Equal(CliExitCode.Failed, restore.Code);
        Assert.Contains("SQLite-only", restore.Error, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(ChatReportApplication app, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await app.Services.GetRequiredService<CliCommands>().RunAsync(args, output, error, Token);
        return (code, output.ToString(), error.ToString());
    }
}

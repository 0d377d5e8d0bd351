using System.Net;
using ChatReport.Bot.Digests;
using ChatReport.Bot.Outbox;
using ChatReport.Bot.Storage.Channels;
using ChatReport.Bot.Storage.Schedules;
using ChatReport.Bot.Tests.Support;
using ChatReport.Conversation.Domain;
using ChatReport.Conversation.Groups;
using ChatReport.Dialogs.Schema;
using Dapper;
using Microsoft.Data.Sqlite;

namespace ChatReport.Bot.Tests.Digests;

/// <summary>The digest through the real host: its scheduler, the proactive messenger and the Connector.</summary>
// Meters are process-wide: hosts that export them must not count each other\'s turns.
[Collection("Exported metrics")]
public sealed class DigestsThroughTheHostTests
{
    private const string Group = "19:branch-group@thread.v2";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheHostsSchedulerPostsTheEveningDigestToTheGroupThroughTheConnectorOnce()
    {
        await using var app = new ChatReportApplication().WithSetting("Digest:Enabled", "true").WithSetting("Metrics:Enabled", "true");
        var branch = await SubscribedBranchAsync(app);
        app.Time.Advance(TimeSpan.FromMinutes(1));
        await ApproveAsync(app, branch.Member, branch.Secretary);

        // Up to 20:00 the next evening in Beijing, then a minute at a time: the scheduler arms its
        // timer after each round, so a single jump could land before the timer exists.
        app.Time.Advance(TimeSpan.FromDays(1) - TimeSpan.FromMinutes(2));
        RecordedRequest? posted = null;
        for (var minute = 0; minute < 30 && posted is null; minute++)
        {
            app.Time.Advance(TimeSpan.FromMinutes(1));
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(Token);
            wait.CancelAfter(TimeSpan.FromMilliseconds(500));
            try
            {
                posted = await app.Connector.NextAsync(wait.Token);
            }
            catch (OperationCanceledException) when (!Token.IsCancellationRequested)
            {
            }
        }

        Assert.NotNull(posted);

        Assert.Equal("/amer/v3/conversations/19%3Abranch-group%40thread.v2/activities", posted.Path);
        var card = posted.Json.GetProperty("attachments")[0];
        Assert.Equal(Attachment.AdaptiveCardContentType, card.GetProperty("contentType").GetString());
        Assert.Contains("张三 铲除路面积雪 +1分", card.GetProperty("content").GetProperty("fallbackText").GetString(), StringComparison.Ordinal);
        // The month's points by day, in words and as a picture inside the card, came through the outbox.
        Assert.Contains("11月每日积分（按做好事的日子）\n26日 +1；本月共1分", card.GetProperty("content").GetProperty("fallbackText").GetString(), StringComparison.Ordinal);
        var image = Assert.Single(card.GetProperty("content").GetProperty("body").EnumerateArray(), e => e.GetProperty("type").GetString() == "Image");
        var png = Convert.FromBase64String(image.GetProperty("url").GetString()!["data:image/png;base64,".Length..]);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, png[..4]);
        Assert.InRange(png.Length, 3_000, ChatReport.Bot.Charts.DigestChart.MaxTeamsBytes);
        Assert.Equal(TestActivities.BotId, posted.Json.GetProperty("from").GetProperty("id").GetString());
        Assert.Equal(0, (await app.Get<DigestDispatcher>().RunDueAsync(Token)).Due);
        Assert.Single(app.Connector.Requests, r => r.Path.Contains("branch-group", StringComparison.Ordinal));
        // The scheduler records the send just after the Connector answered it.
        var run = await app.Get<DigestRunStore>().FindAsync(new GroupAddress("msteams", Group), new DateOnly(2026, 11, 27), Token);
        for (var i = 0; i < 500 && run is { Status: DigestRunStatus.Claimed }; i++)
        {
            await Task.Delay(10, Token);
            run = await app.Get<DigestRunStore>().FindAsync(new GroupAddress("msteams", Group), new DateOnly(2026, 11, 27), Token);
        }

        // The digest went into the outbox with its 'sent' mark; the channel's id for it comes later.
        Assert.Equal(DigestRunStatus.Sent, run!.Status);
        // The scheduler counts the round's runs once the round has finished.
        using var client = app.CreateClient();
        double? counted = null;
        for (var i = 0; i < 200 && counted is null; i++)
        {
            counted = new Metrics.PrometheusText(await client.GetStringAsync(new Uri("/metrics", UriKind.Relative), Token))
                .Value("chatreport_digest_runs_total", ("status", "sent"));
            if (counted is null)
            {
                await Task.Delay(20, Token);
            }
        }

        Assert.Equal(1, counted);
    }

    [Fact]
    public async Task ADigestTheChannelRefusesForGoodIsQueuedOnceAndGivenUpByTheOutboxWithoutRetrying()
    {
        await using var app = new ChatReportApplication();
        var branch = await SubscribedBranchAsync(app);
        app.Time.Advance(TimeSpan.FromMinutes(1));
        await ApproveAsync(app, branch.Member, branch.Secretary);
        app.Connector.Respond = _ => FakeConnector.Json(HttpStatusCode.Forbidden, """{"error":{"code":"BotRemoved","message":"The bot is not part of the conversation roster."}}""");
        app.Time.Advance(TimeSpan.FromDays(1));

        var report = await app.Get<DigestDispatcher>().RunDueAsync(Token);
        await app.SettleAsync();
        app.Time.Advance(TimeSpan.FromHours(1));
        await app.Get<OutboxDispatcher>().SendDueAsync(Token);

        Assert.Equal(1, report.Sent);
        var run = Assert.Single(await app.Get<DigestRunStore>().ListForGroupAsync(new GroupAddress("msteams", Group), Token));
        Assert.Equal((DigestRunStatus.Sent, 1), (run.Status, run.Attempts));
        Assert.Single(app.Connector.Requests, r => r.Path.Contains("branch-group", StringComparison.Ordinal));
        await using var connection = new SqliteConnection($"Data Source={app.DatabasePath}");
        var outbox = await connection.QuerySingleAsync<(string Status, long Attempts)>(new CommandDefinition("SELECT status, attempts FROM outbox", cancellationToken: Token));
        Assert.Equal(("failed", 1L), outbox);
    }

    private static async Task<(Member Secretary, Member Member)> SubscribedBranchAsync(ChatReportApplication app)
    {
        var units = app.Get<IOrganisation>();
        var members = app.Get<IMemberDirectory>();
        var committee = await units.CreateUnitAsync(new NewOrgUnit(null, OrgUnitKind.Committee, "党委"), null, Token);
        var branch = await units.CreateUnitAsync(new NewOrgUnit(committee.Id, OrgUnitKind.Branch, "山岔村党支部"), null, Token);
        var secretary = await members.AddMemberAsync(branch.Id, "李书记", null, Token);
        await members.GrantRoleAsync(branch.Id, secretary.Id, Role.Secretary, true, null, Token);
        var member = await members.AddMemberAsync(branch.Id, "张三", null, Token);
        await app.Get<ConversationReferenceStore>().SaveAsync(new StoredConversationReference
        {
            ChannelId = "msteams",
            ConversationId = Group,
            ServiceUrl = TestActivities.ServiceUrl,
            BotId = TestActivities.BotId,
            UserId = TestActivities.UserId,
            TenantId = "tenant-1",
            IsGroup = true,
            Locale = "zh-CN",
            Verified = true,
            UpdatedAt = app.Time.GetUtcNow(),
        }, Token);
        var subscribed = await app.Get<GroupSubscriptionStore>().SubscribeAsync(new GroupAddress("msteams", Group), branch.Id, secretary.Id, Token);
        Assert.Equal(GroupSubscribeStatus.Subscribed, subscribed.Status);
        return (secretary, member);
    }

    private static async Task ApproveAsync(ChatReportApplication app, Member member, Member secretary)
    {
        var rule = (await app.Get<IRuleBook>().FindByCodeAsync("snow_clearing", Token))!;
        var now = app.Time.GetUtcNow();
        var claim = await app.Get<IClaimBook>().SubmitAsync(
            new ClaimRequest(member.Id, rule.Id, now, LocalCalendar.ToLocalDate(now, "Asia/Shanghai"), "村口", "扫雪", 1, null, new ActivityKey("msteams", "personal", "a-1"), []),
            Token);
        var decided = await app.Get<IClaimBook>().DecideAsync(new ReviewRequest(submitted(claim).Id, secretary.Id, ReviewAction.Approve), Token);
        Assert.Equal(ClaimChangeStatus.Done, decided.Status);

        static Claim submitted(ClaimSubmission submission) => submission.Claim!;
    }
}

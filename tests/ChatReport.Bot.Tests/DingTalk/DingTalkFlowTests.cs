using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using ChatReport.Bot.Digests;
using ChatReport.Bot.Storage.Connections;
using ChatReport.Conversation.Domain;
using Microsoft.Extensions.DependencyInjection;

namespace ChatReport.Bot.Tests.DingTalk;

/// <summary>The points loop on DingTalk through the real host and the platform stub.</summary>
public sealed class DingTalkFlowTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AMemberReportsWithAPictureTheSecretaryApprovesFromTheActionCardAndTheDigestReachesTheGroup()
    {
        await using var world = await DingTalkWorld.CreateAsync();
        // The secretary's roster entry is claimed with the personal code, without a name question.
        Assert.Contains("欢迎李书记", Assert.Single(await world.SayAsync("lishuji", "李书记", $"加入 {world.Branch.SecretaryCode}")).Text, StringComparison.Ordinal);
        await world.SayAsync("wangfang", "王芳", $"加入 {world.Branch.Code}");
        await world.SayAsync("wangfang", "王芳", "是");

        // In the branch group the secretary @-mentions the robot.
        var subscribed = Assert.Single(await world.SayAsync("lishuji", "李书记", "订阅日报", inGroup: true));
        Assert.Equal(("session", DingTalkWorld.Session(DingTalkWorld.GroupId)), (subscribed.Route, subscribed.Target));
        Assert.Contains("山岔村党支部", subscribed.Text, StringComparison.Ordinal);

        var asked = await world.SayAsync("wangfang", "王芳", "申报 昨天下午在村口带头扫雪两个小时");
        Assert.Contains(asked, m => m.Text.Contains("照片", StringComparison.Ordinal));
        world.Stub.Clear();
        using (var picture = await world.PostAsync(world.Message("wangfang", "王芳", null, content: new JsonObject { ["downloadCode"] = "dl-code-1", ["pictureDownloadCode"] = "pic-code-1" }, msgType: "picture")))
        {
            Assert.Equal(HttpStatusCode.OK, picture.StatusCode);
        }

        Assert.Contains(world.Stub.Messages, m => m.Text.Contains("照片：1 张", StringComparison.Ordinal));
        world.Stub.Clear();
        await world.SayAsync("wangfang", "王芳", "提交");

        var claim = Assert.Single(await world.App.Services.GetRequiredService<IClaimBook>().ListPendingAsync(world.Branch.Unit.Id, null, Token));
        var evidence = Assert.Single(claim.Attachments);
        Assert.Equal("image/png", evidence.ContentType);
        Assert.Equal(DingTalkStub.Picture, await world.Client.GetByteArrayAsync(new Uri(evidence.ContentUrl!).PathAndQuery, Token));

        // The secretary's notice: an ActionCard in her private chat, still within its session.
        var card = Assert.Single(world.Stub.Messages, m => m.Target == DingTalkWorld.Session(DingTalkWorld.PrivateChat("lishuji")));
        Assert.Equal("actionCard", card.Kind);
        Assert.Contains(evidence.ContentUrl!, card.Text, StringComparison.Ordinal);
        var approve = card.Tap("通过");
        Assert.Equal($"通过 {claim.Id}", approve);

        // Two hours later both sessions are gone; she taps 通过, which sends the command text.
        world.App.Time.Advance(TimeSpan.FromHours(2));
        var answers = await world.SayAsync("lishuji", "李书记", approve);

        Assert.Contains(answers, m => m.Route == "session" && m.Target == DingTalkWorld.Session(DingTalkWorld.PrivateChat("lishuji")));
        var told = Assert.Single(answers, m => m.Route == "user");
        Assert.Equal("wangfang", told.Target);
        Assert.Contains(claim.Id.ToString(CultureInfo.InvariantCulture), told.Text, StringComparison.Ordinal);

        // The next evening's digest goes to the group through the send-to-group API.
        world.Stub.Clear();
        world.App.Time.Advance(TimeSpan.FromDays(1));
        var report = await world.App.Get<DigestDispatcher>().RunDueAsync(Token);
        await world.App.SettleAsync();

        Assert.Equal(1, report.Sent);
        var digest = Assert.Single(world.Stub.Messages);
        Assert.Equal(("group", DingTalkWorld.GroupId), (digest.Route, digest.Target));
        Assert.Contains("王芳 铲除路面积雪 +1分", digest.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASecretaryRegistersACustomGroupRobotInPrivateAndTheDigestArrivesSignedWithoutTheSecretEverShown()
    {
        await using var world = await DingTalkWorld.CreateAsync();
        await world.SayAsync("lishuji", "李书记", $"加入 {world.Branch.SecretaryCode}");

        var reply = Assert.Single(await world.SayAsync("lishuji", "李书记", $"订阅日报 {world.Stub.RobotWebhook} {DingTalkStub.RobotSecret}"));

        Assert.Contains("山岔村党支部", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(DingTalkStub.RobotSecret, reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(DingTalkStub.RobotToken, reply.Text, StringComparison.Ordinal);

        world.App.Time.Advance(TimeSpan.FromMinutes(1));
        await ApproveADeedAsync(world);
        world.Stub.Clear();
        world.App.Time.Advance(TimeSpan.FromDays(1));
        var report = await world.App.Get<DigestDispatcher>().RunDueAsync(Token);
        await world.App.SettleAsync();

        Assert.True(report.Sent == 1, $"{report}");
        var digest = Assert.Single(world.Stub.Messages);
        Assert.Equal(("robot", DingTalkStub.RobotToken), (digest.Route, digest.Target));
        Assert.Contains("铲除路面积雪", digest.Text, StringComparison.Ordinal);
        Assert.Equal(0, world.Stub.RobotSignatureFailures);
        Assert.DoesNotContain(world.Logs.Entries, e => e.Message.Contains(DingTalkStub.RobotSecret, StringComparison.Ordinal) || e.Message.Contains(DingTalkStub.RobotToken, StringComparison.Ordinal));

        var stopped = Assert.Single(await world.SayAsync("lishuji", "李书记", $"退订 {world.Stub.RobotWebhook}"));
        Assert.Contains("已删除", stopped.Text, StringComparison.Ordinal);
        await using var connection = await world.App.Get<SqliteConnectionFactory>().OpenAsync(Token);
        Assert.Equal(0L, await Dapper.SqlMapper.ExecuteScalarAsync<long>(connection, "SELECT COUNT(*) FROM dingtalk_robots"));
    }

    [Theory]
    [InlineData("订阅日报 https://evil.example/robot/send?access_token=0123456789abcdef0123456789abcdef SEC0123456789abcdef0123", "Webhook")]
    [InlineData("订阅日报 {webhook} notasecret", "SEC")]
    public async Task ARobotThatIsNotADingTalkWebhookOrHasNoSigningSecretIsRefused(string command, string expected)
    {
        await using var world = await DingTalkWorld.CreateAsync();
        await world.SayAsync("lishuji", "李书记", $"加入 {world.Branch.SecretaryCode}");

        var reply = Assert.Single(await world.SayAsync("lishuji", "李书记", command.Replace("{webhook}", world.Stub.RobotWebhook, StringComparison.Ordinal)));

        Assert.Contains(expected, reply.Text, StringComparison.Ordinal);
        await using var connection = await world.App.Get<SqliteConnectionFactory>().OpenAsync(Token);
        Assert.Equal(0L, await Dapper.SqlMapper.ExecuteScalarAsync<long>(connection, "SELECT COUNT(*) FROM dingtalk_robots"));
    }

    [Fact]
    public async Task AMemberWhoReviewsNothingCannotRegisterARobot()
    {
        await using var world = await DingTalkWorld.CreateAsync();
        await world.SayAsync("wangfang", "王芳", $"加入 {world.Branch.Code}");
        await world.SayAsync("wangfang", "王芳", "是");

        var reply = Assert.Single(await world.SayAsync("wangfang", "王芳", $"订阅日报 {world.Stub.RobotWebhook} {DingTalkStub.RobotSecret}"));

        Assert.Contains("书记", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(DingTalkStub.RobotSecret, reply.Text, StringComparison.Ordinal);
        await using var connection = await world.App.Get<SqliteConnectionFactory>().OpenAsync(Token);
        Assert.Equal(0L, await Dapper.SqlMapper.ExecuteScalarAsync<long>(connection, "SELECT COUNT(*) FROM dingtalk_robots"));
    }

    private static async Task ApproveADeedAsync(DingTalkWorld world)
    {
        var members = world.App.Get<IMemberDirectory>();
        var zhang = await members.AddMemberAsync(world.Branch.Unit.Id, "张三", null, Token);
        var rule = (await world.App.Get<IRuleBook>().FindByCodeAsync("snow_clearing", Token))!;
        var now = world.App.Time.GetUtcNow();
        var submission = await world.App.Get<IClaimBook>().SubmitAsync(
            new ClaimRequest(zhang.Id, rule.Id, now, LocalCalendar.ToLocalDate(now, "Asia/Shanghai"), "村口", "扫雪", 1, null, new ActivityKey("dingtalk", "seed", "seed-1"), []),
            Token);
        var decided = await world.App.Get<IClaimBook>().DecideAsync(new ReviewRequest(submission.Claim!.Id, world.Branch.Secretary.Id, ReviewAction.Approve), Token);
        Assert.Equal(ClaimChangeStatus.Done, decided.Status);
    }
}

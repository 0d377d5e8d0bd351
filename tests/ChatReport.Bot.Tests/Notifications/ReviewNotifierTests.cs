using ChatReport.Bot.Notifications;
using ChatReport.Bot.Proactive;
using ChatReport.Bot.Storage.Channels;
using ChatReport.Bot.Tests.Support;
using ChatReport.Conversation.Domain;
using ChatReport.Dialogs.Schema;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatReport.Bot.Tests.Notifications;

public sealed class ReviewNotifierTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private sealed record World(ChatReportApplication App, OrgUnit Branch, Member Secretary, Member Committee, Member Claimant, ReviewNotifier Notifier, MemberMessenger Messenger);

    private static async Task<World> CreateAsync(ChatReportApplication app)
    {
        var units = app.Get<IOrganisation>();
        var members = app.Get<IMemberDirectory>();
        var committee = await units.CreateUnitAsync(new NewOrgUnit(null, OrgUnitKind.Committee, "党委"), null, Token);
        var branch = await units.CreateUnitAsync(new NewOrgUnit(committee.Id, OrgUnitKind.Branch, "山岔村党支部"), null, Token);
        var secretary = await members.AddMemberAsync(branch.Id, "李书记", null, Token);
        await members.GrantRoleAsync(branch.Id, secretary.Id, Role.Secretary, true, null, Token);
        var reviewer = await members.AddMemberAsync(branch.Id, "钱七", null, Token);
        await members.GrantRoleAsync(branch.Id, reviewer.Id, Role.Committee, true, null, Token);
        var bystander = await members.AddMemberAsync(branch.Id, "赵六", null, Token);
        await members.GrantRoleAsync(branch.Id, bystander.Id, Role.Committee, false, null, Token);
        var claimant = await members.AddMemberAsync(branch.Id, "张三", null, Token);
        await LinkAsync(app, secretary, "msteams", "29:li", "zh-CN");
        await LinkAsync(app, reviewer, "telegram", "tg-qian", "en-US");
        await LinkAsync(app, bystander, "msteams", "29:zhao", "zh-CN");
        await LinkAsync(app, claimant, "msteams", "29:zhang", "zh-CN");
        var messenger = new MemberMessenger(members, app.Get<ConversationReferenceStore>(), app.Get<ProactiveMessenger>(), NullLogger<MemberMessenger>.Instance);
        var notifier = new ReviewNotifier(members, app.Get<IRuleBook>(), units, messenger);
        return new World(app, branch, secretary, reviewer, claimant, notifier, messenger);
    }

    private static async Task LinkAsync(ChatReportApplication app, Member member, string channel, string userId, string locale)
    {
        await app.Get<IMemberDirectory>().LinkAccountAsync(member.Id, channel, userId, member.DisplayName, Token);
        await app.Get<ConversationReferenceStore>().SaveAsync(new StoredConversationReference
        {
            ChannelId = channel,
            ConversationId = "personal-" + userId,
            ServiceUrl = TestActivities.ServiceUrl,
            BotId = TestActivities.BotId,
            UserId = userId,
            UserName = member.DisplayName,
            IsGroup = false,
            Locale = locale,
            Verified = true,
            UpdatedAt = new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero),
        }, Token);
    }

    private static async Task<Claim> SubmitAsync(ChatReportApplication app, Member member, string activityId = "a-1")
    {
        var rule = (await app.Get<IRuleBook>().FindByCodeAsync("snow_clearing", Token))!;
        var submission = await app.Get<IClaimBook>().SubmitAsync(
            new ClaimRequest(
                member.Id, rule.Id, new DateTimeOffset(2026, 11, 25, 15, 0, 0, TimeSpan.FromHours(8)), new DateOnly(2026, 11, 25),
                "村口", "清扫积雪", 2, null, new ActivityKey("msteams", "c", activityId),
                [new NewClaimAttachment("image/jpeg", "https://files.example/snow.jpg", "snow.jpg")]),
            Token);
        return submission.Claim!;
    }

    [Fact]
    public async Task ASubmittedClaimSendsOneCardToEachReviewerAndNoneToOthers()
    {
        await using var app = new ChatReportApplication();
        var world = await CreateAsync(app);
        var claim = await SubmitAsync(app, world.Claimant);

        await world.Notifier.ClaimSubmittedAsync(claim, Token);
        await app.SettleAsync();

        var sent = app.Connector.Requests.Where(r => r.Method == HttpMethod.Post).ToList();
        Assert.Equal(2, sent.Count);
        var teams = Assert.Single(sent, r => r.Path.Contains("personal-29%3Ali", StringComparison.Ordinal) || r.Path.Contains("personal-29:li", StringComparison.Ordinal));
        var teamsCard = Assert.Single(teams.Json.GetProperty("attachments").EnumerateArray());
        Assert.Equal(Attachment.AdaptiveCardContentType, teamsCard.GetProperty("contentType").GetString());
        Assert.Equal("1.5", teamsCard.GetProperty("content").GetProperty("version").GetString());
        var cardJson = teamsCard.GetProperty("content").GetRawText();
        Assert.Contains("https://files.example/snow.jpg", cardJson, StringComparison.Ordinal);
        Assert.Contains($"\"command\":\"通过 {claim.Id}\"", System.Text.RegularExpressions.Regex.Unescape(cardJson), StringComparison.Ordinal);
        var text = teams.Json.GetProperty("text").GetString()!;
        Assert.Contains("张三", text, StringComparison.Ordinal);
        Assert.Contains("清扫积雪", text, StringComparison.Ordinal);
        Assert.Contains("村口", text, StringComparison.Ordinal);
        Assert.Contains($"通过 {claim.Id}", text, StringComparison.Ordinal);

        // Telegram gets a hero card, in the reviewer's language, with the commands in the text.
        var telegram = Assert.Single(sent, r => r.Path.Contains("tg-qian", StringComparison.Ordinal));
        var hero = Assert.Single(telegram.Json.GetProperty("attachments").EnumerateArray());
        Assert.Equal(Attachment.HeroCardContentType, hero.GetProperty("contentType").GetString());
        Assert.Contains($"approve {claim.Id}", telegram.Json.GetProperty("text").GetString()!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheMemberHearsARejectionWithItsReason()
    {
        await using var app = new ChatReportApplication();
        var world = await CreateAsync(app);
        var claim = await SubmitAsync(app, world.Claimant);
        var change = await app.Get<IClaimBook>().DecideAsync(new ReviewRequest(claim.Id, world.Secretary.Id, ReviewAction.Reject, Note: "照片看不清"), Token);

        await world.Notifier.DecisionMadeAsync(change, Token);
        await app.SettleAsync();

        var sent = Assert.Single(app.Connector.Requests);
        Assert.Contains("personal-29", sent.Path, StringComparison.Ordinal);
        Assert.Contains("zhang", sent.Path, StringComparison.Ordinal);
        Assert.Contains("照片看不清", sent.Json.GetProperty("text").GetString()!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnreachableReviewerDoesNotStopTheOthers()
    {
        await using var app = new ChatReportApplication();
        var world = await CreateAsync(app);
        var claim = await SubmitAsync(app, world.Claimant);
        var calls = 0;
        app.Connector.Respond = _ => Interlocked.Increment(ref calls) == 1
            ? FakeConnector.Json(System.Net.HttpStatusCode.Forbidden, """{"error":{"code":"MessageWritesBlocked","message":"blocked"}}""")
            : FakeConnector.Json(System.Net.HttpStatusCode.OK, """{"id":"x"}""");

        await world.Notifier.ClaimSubmittedAsync(claim, Token);
        await app.SettleAsync();

        Assert.Equal(2, app.Connector.Requests.Select(r => r.Path).Distinct().Count());
    }

    [Fact]
    public async Task RemindersListClaimsOlderThanTheReminderAgeToReviewers()
    {
        await using var app = new ChatReportApplication();
        var world = await CreateAsync(app);
        var old = await SubmitAsync(app, world.Claimant, "old");
        app.Time.Advance(TimeSpan.FromDays(4));
        var fresh = await SubmitAsync(app, world.Claimant, "fresh");
        var service = new ReviewReminders(
            app.Get<IClaimBook>(), app.Get<IMemberDirectory>(), app.Get<IRuleBook>(), world.Messenger, app.Get<ChatReport.Bot.Storage.Connections.SettingsStore>(),
            Options.Create(new ReviewOptions()), app.Time, NullLogger<ReviewReminders>.Instance);

        var reminded = await service.RunOnceAsync(Token);
        await app.SettleAsync();

        Assert.Equal(2, reminded);
        Assert.All(app.Connector.Requests, r =>
        {
            var text = r.Json.GetProperty("text").GetString()!;
            Assert.Contains($"#{old.Id} ", text, StringComparison.Ordinal);
            Assert.DoesNotContain($"#{fresh.Id} ", text, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task OfTwoInstancesOnlyOneRemindsInAnIntervalAndTheNextIntervalRemindsAgain()
    {
        // The host's own reminder job claims 30-day intervals, which never come round during the test.
        await using var app = new ChatReportApplication().WithSetting("Review:ReminderInterval", "30.00:00:00");
        var world = await CreateAsync(app);
        await SubmitAsync(app, world.Claimant, "old");
        app.Time.Advance(TimeSpan.FromDays(4));
        await app.SettleAsync();
        ReviewReminders Instance() => new(
            app.Get<IClaimBook>(), app.Get<IMemberDirectory>(), app.Get<IRuleBook>(), world.Messenger, app.Get<ChatReport.Bot.Storage.Connections.SettingsStore>(),
            Options.Create(new ReviewOptions()), app.Time, NullLogger<ReviewReminders>.Instance);
        var (first, second) = (Instance(), Instance());
        var before = app.Connector.Requests.Count;

        await Task.WhenAll(first.RunDueAsync(Token), second.RunDueAsync(Token));
        await first.RunDueAsync(Token);
        await app.SettleAsync();
        var once = app.Connector.Requests.Count - before;
        app.Time.Advance((await second.NextDueAsync(Token))!.Value - app.Time.GetUtcNow());
        await second.RunDueAsync(Token);
        await app.SettleAsync();
        var twice = app.Connector.Requests.Count - before;
        var reminded = await Instance().RunOnceAsync(Token);
        await app.SettleAsync();
        var oneRound = app.Connector.Requests.Count - before - twice;

        Assert.Equal(2, reminded);
        Assert.True(oneRound > 0);
        Assert.Equal((oneRound, 2 * oneRound), (once, twice));
    }
}

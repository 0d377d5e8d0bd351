using System.Text.RegularExpressions;
using ChatReport.Bot.Tests.Conversation;
using ChatReport.Bot.Tests.Support;
using ChatReport.Conversation.Administration;
using ChatReport.Conversation.Domain;
using ChatReport.Conversation.Members;
using Microsoft.Extensions.DependencyInjection;

namespace ChatReport.Bot.Tests.Identity;

/// <summary>
/// The holes found by trying to break in (issue 12), each through /api/messages and the real
/// SQLite stores: look-alike names, roster offices taken with the branch's code, guessed codes,
/// and codes that told a guesser they once existed.
/// </summary>
public sealed partial class IdentityChatTests
{
    private static readonly MemberTexts Zh = MemberTexts.Chinese;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("张\u200b书记")]
    [InlineData("张\u200d书\u200c记\ufeff")]
    [InlineData("\u202e张书记\u202c")]
    [InlineData("张\u2060书记\u00ad")]
    [InlineData("ＺＨＡＮＧ")]
    public async Task ANameThatOnlyLooksDifferentGetsTheNamesakeQuestion(string lookAlike)
    {
        await using var app = new ChatReportApplication();
        using var client = app.CreateClient();
        var branch = await ChatBranch.CreateAsync(app);
        var members = app.Services.GetRequiredService<IMemberDirectory>();
        var real = await members.AddMemberAsync(branch.Unit.Id, lookAlike.StartsWith('Ｚ') ? "Zhang" : "张书记", null, Token);
        await members.LinkAccountAsync(real.Id, "msteams", "29:real", real.DisplayName, Token);
        var stranger = BotChat.For(app, client, userId: "29:stranger", userName: lookAlike);

        var asked = Assert.Single(await stranger.SayAsync($"加入 {branch.Code}"));
        var shown = PersonName.Normalize(lookAlike);
        Assert.StartsWith(Zh.ConfirmName(shown), asked, StringComparison.Ordinal);
        Assert.StartsWith(Zh.NamesakeQuestion(shown), Assert.Single(await stranger.SayAsync("是")), StringComparison.Ordinal);
        Assert.Equal(Zh.LinkHowTo, Assert.Single(await stranger.SayAsync("不是")));
        Assert.Null(await stranger.MemberAsync());
    }

    [Fact]
    public async Task TypedNamesAreStoredWithoutInvisibleCharactersAndWithOneSpace()
    {
        await using var app = new ChatReportApplication();
        using var client = app.CreateClient();
        var branch = await ChatBranch.CreateAsync(app);
        var chat = BotChat.For(app, client, userId: "29:new", userName: "x@example.com");

        Assert.Equal(Zh.AskName, Assert.Single(await chat.SayAsync($"加入 {branch.Code}")));
        Assert.Equal(Zh.NameRetry, Assert.Single(await chat.SayAsync("\u200b\u200b")));
        Assert.Equal(Zh.NameRetry, Assert.Single(await chat.SayAsync(new string('长', PersonName.MaxLength + 1))));
        await chat.SayAsync("  王\u200b\u3000\u3000 小\ufeff明 ");

        Assert.Equal("王 小明", (await chat.MemberAsync())!.DisplayName);
    }

    [Fact]
    public async Task TheBranchCodeNeverClaimsAnOfficeButThePersonalCodeDoesOnce()
    {
        await using var app = new ChatReportApplication();
        using var client = app.CreateClient();
        var branch = await ChatBranch.CreateAsync(app, "赵委员");
        var members = app.Services.GetRequiredService<IMemberDirectory>();
        var committee = Assert.Single(await members.ListMembersAsync(branch.Unit.Id, Token), m => m.DisplayName == "赵委员");
        await members.GrantRoleAsync(branch.Unit.Id, committee.Id, Role.Committee, canReview: true, null, Token);
        var secretary = BotChat.For(app, client, userId: "29:secretary", userName: "李书记");
        Assert.Contains("欢迎李书记", Assert.Single(await secretary.SayAsync($"加入 {branch.SecretaryCode}")), StringComparison.Ordinal);

        // Whoever knows the branch's code and the committee member's name gets nothing.
        var guesser = BotChat.For(app, client, userId: "29:guesser", userName: "赵委员");
        await guesser.SayAsync($"加入 {branch.Code}");
        Assert.Equal(Zh.NeedsPersonalCode("赵委员"), Assert.Single(await guesser.SayAsync("是")));
        Assert.Null(await guesser.MemberAsync());

        // A plain member cannot issue personal codes; the secretary can, for the branch's people.
        var plain = BotChat.For(app, client, userId: "29:plain", userName: "王芳");
        await plain.SayAsync($"加入 {branch.Code}");
        await plain.SayAsync("是");
        Assert.Equal(AdministrationTexts.Chinese.NotASecretaryOrAdministrator, Assert.Single(await plain.SayAsync("个人邀请码 赵委员")));
        var issued = Assert.Single(await secretary.SayAsync("个人邀请码 赵委员"));
        var personal = SixDigits().Match(issued).Value;
        Assert.StartsWith(AdministrationTexts.Chinese.PersonalCodeIssued(personal, "赵委员", "")[..20], issued, StringComparison.Ordinal);

        var real = BotChat.For(app, client, userId: "29:zhao", userName: "老赵");
        Assert.Equal(Zh.Joined("赵委员", branch.Unit.Name), Assert.Single(await real.SayAsync($"加入 {personal}")));
        Assert.Equal(committee.Id, (await real.MemberAsync())!.Id);
        Assert.True(await members.CanReviewAsync(committee.Id, branch.Unit.Id, Token));

        // Once only, and the answer is the one a wrong code gets.
        var again = BotChat.For(app, client, userId: "29:again", userName: "赵委员");
        Assert.Equal(Zh.UnknownCode, Assert.Single(await again.SayAsync($"加入 {personal}")));
    }

    [Fact]
    public async Task WrongRevokedExpiredAndUsedUpCodesGetTheSameAnswer()
    {
        await using var app = new ChatReportApplication();
        using var client = app.CreateClient();
        var branch = await ChatBranch.CreateAsync(app);
        var codes = app.Services.GetRequiredService<IJoinCodes>();
        var now = app.Time.GetUtcNow();
        var expired = await codes.IssueAsync(branch.Unit.Id, null, now.AddMinutes(-1), null, Token);
        var revoked = await codes.IssueAsync(branch.Unit.Id, null, null, null, Token);
        await codes.RevokeAsync(revoked.Code, null, Token);
        var usedUp = await codes.IssueAsync(branch.Unit.Id, null, null, 1, Token);
        var first = BotChat.For(app, client, userId: "29:first", userName: "甲");
        await first.SayAsync($"加入 {usedUp.Code}");
        await first.SayAsync("是");

        var answers = new List<string>();
        foreach (var (code, account) in new[] { ("000001", "a"), (expired.Code, "b"), (revoked.Code, "c"), (usedUp.Code, "d") })
        {
            answers.Add(Assert.Single(await BotChat.For(app, client, userId: "29:" + account, userName: "乙").SayAsync($"加入 {code}")));
        }

        Assert.All(answers, a => Assert.Equal(Zh.UnknownCode, a));
    }

    [Fact]
    public async Task WrongCodesAreThrottledPerAccountUntilTheWindowPasses()
    {
        await using var app = new ChatReportApplication();
        using var client = app.CreateClient();
        var branch = await ChatBranch.CreateAsync(app);
        var guesser = BotChat.For(app, client, userId: "29:guesser", userName: "王五");

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(Zh.UnknownCode, Assert.Single(await guesser.SayAsync($"加入 {100000 + i}")));
        }

        // Throttled, even for the right code: the answer no longer depends on the code.
        Assert.Equal(Zh.TooManyJoinAttempts, Assert.Single(await guesser.SayAsync("加入 100009")));
        Assert.Equal(Zh.TooManyJoinAttempts, Assert.Single(await guesser.SayAsync($"加入 {branch.Code}")));
        Assert.Null(await guesser.MemberAsync());

        // Another account is not held up by this one's guesses.
        var other = BotChat.For(app, client, userId: "29:other", userName: "赵六");
        Assert.StartsWith(Zh.ConfirmName("赵六"), Assert.Single(await other.SayAsync($"加入 {branch.Code}")), StringComparison.Ordinal);

        app.Time.Advance(TimeSpan.FromMinutes(16));
        Assert.StartsWith(Zh.ConfirmName("王五"), Assert.Single(await guesser.SayAsync($"加入 {branch.Code}")), StringComparison.Ordinal);
        Assert.Contains("欢迎王五", Assert.Single(await guesser.SayAsync("是")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ManyAccountsOfOneTenantAreThrottledTogether()
    {
        await using var app = new ChatReportApplication().WithSetting("JoinCodes:MaxFailuresPerTenant", "3");
        using var client = app.CreateClient();
        var branch = await ChatBranch.CreateAsync(app);

        for (var i = 0; i < 3; i++)
        {
            var account = BotChat.For(app, client, userId: $"29:sock-{i}", userName: "王五");
            Assert.Equal(Zh.UnknownCode, Assert.Single(await account.SayAsync($"加入 {200000 + i}")));
        }

        var fresh = BotChat.For(app, client, userId: "29:sock-9", userName: "王五");
        Assert.Equal(Zh.TooManyJoinAttempts, Assert.Single(await fresh.SayAsync($"加入 {branch.Code}")));
    }

    [Fact]
    public async Task CodesIssuedInChatExpireAndMayBeLimitedInUses()
    {
        await using var app = new ChatReportApplication();
        using var client = app.CreateClient();
        var branch = await ChatBranch.CreateAsync(app);
        var secretary = BotChat.For(app, client, userId: "29:secretary", userName: "李书记");
        await secretary.SayAsync($"加入 {branch.SecretaryCode}");
        var codes = app.Services.GetRequiredService<IJoinCodes>();

        var limitedReply = Assert.Single(await secretary.SayAsync("生成邀请码 2人"));
        Assert.Contains(AdministrationTexts.Chinese.CodeMaxUses(2), limitedReply, StringComparison.Ordinal);
        var limited = (await codes.GetAsync(SixDigits().Match(limitedReply).Value, Token))!;
        Assert.Equal((2, app.Time.GetUtcNow().AddDays(30)), (limited.MaxUses, limited.ExpiresAt));

        var plain = (await codes.GetAsync(SixDigits().Match(Assert.Single(await secretary.SayAsync("生成邀请码"))).Value, Token))!;
        Assert.Null(plain.MaxUses);
        app.Time.Advance(TimeSpan.FromDays(30));
        Assert.Equal(Zh.UnknownCode, Assert.Single(await BotChat.For(app, client, userId: "29:late", userName: "迟到").SayAsync($"加入 {plain.Code}")));
    }

    [GeneratedRegex(@"\d{6}")]
    private static partial Regex SixDigits();
}

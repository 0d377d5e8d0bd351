using System.Text.RegularExpressions;
using ChatReport.Bot.Tests.Conversation;
using ChatReport.Bot.Tests.Support;
using ChatReport.Conversation.Domain;
using Microsoft.Extensions.DependencyInjection;

namespace ChatReport.Bot.Tests.Administration;

/// <summary>Administration through the real bot (/api/messages, fake Connector, SQLite), starting from the configured administrator.</summary>
public sealed partial class AdministrationChatTests
{
    [Fact]
    public async Task AConfiguredAdministratorSetsUpABranchFromChatAndAMemberJoinsWithTheCode()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = new ChatReportApplication().WithSetting("Administrators:0", "msteams:29:admin");
        using var client = app.CreateClient();
        var admin = BotChat.For(app, client, userId: "29:admin", userName: "Admin");

        Assert.Contains("新建支部", string.Join("\n", await admin.SayAsync("帮助")), StringComparison.Ordinal);
        Assert.Contains("已创建“山岔村党支部”", Assert.Single(await admin.SayAsync("新建支部 山岔村党支部")), StringComparison.Ordinal);
        var issued = Assert.Single(await admin.SayAsync("生成邀请码 山岔村党支部"));
        var code = SixDigits().Match(issued).Value;

        var member = BotChat.For(app, client, userId: "29:wang", userName: "王芳");
        Assert.Contains("王芳", Assert.Single(await member.SayAsync($"加入 {code}")), StringComparison.Ordinal);
        Assert.Contains("欢迎王芳加入山岔村党支部", Assert.Single(await member.SayAsync("是")), StringComparison.Ordinal);

        // An ordinary member is refused, and nothing is created.
        Assert.Contains("只有管理员", Assert.Single(await member.SayAsync("新建支部 另一个支部")), StringComparison.Ordinal);
        var units = app.Services.GetRequiredService<IOrganisation>();
        Assert.Empty(await units.FindUnitsByNameAsync("另一个支部", ct));
        var joined = await member.MemberAsync();
        Assert.Equal((await units.FindUnitsByNameAsync("山岔村党支部", ct)).Single().Id, joined!.UnitId);
    }

    [GeneratedRegex("[0-9]{6}")]
    private static partial Regex SixDigits();
}

using System.Text;
using System.Text.Json;
using ChatReport.Bot.Groups;
using ChatReport.Bot.Tests.Support;
using ChatReport.Conversation.Common;
using ChatReport.Conversation.Domain;
using ChatReport.Conversation.Notices;
using Microsoft.Extensions.DependencyInjection;
using static ChatReport.Bot.Tests.Groups.GroupWorld;

namespace ChatReport.Bot.Tests.Groups;

/// <summary>签字确认 and 导出公示 through the real bot; the clock is in 2026's fourth quarter.</summary>
public sealed class NoticeChatTests
{
    private static readonly NoticeTexts Zh = NoticeTexts.Chinese;

    [Fact]
    public async Task TheSecretarySignsOffTheLastQuarterAfterConfirmingAndTheGroupGetsTheNotice()
    {
        await using var world = await GroupWorld.CreateAsync();
        var group = world.Group();
        await group.SayAsync(Secretary, "订阅日报");
        var personal = world.Personal();

        var question = Assert.Single(await personal.SayAsync(Secretary, "签字确认"));
        Assert.StartsWith(Zh.ConfirmSignOff(world.Branch.Unit.Name, 2026, 3, 3), question, StringComparison.Ordinal);
        var sent = world.App.Connector.Requests.Count;

        Assert.Equal(Zh.SignedOffPosted, Assert.Single(await personal.SayAsync(Secretary, "是")));

        var signOff = await world.App.Get<ICycleCalendar>().FindSignOffAsync(world.Branch.Unit.Id, 2026, 3, Token);
        Assert.Equal(world.Branch.Secretary.Id, signOff!.SignedBy);
        var posted = Assert.Single(world.App.Connector.Requests.Skip(sent), r => r.Path.Contains(Uri.EscapeDataString(group.ConversationId), StringComparison.Ordinal));
        Assert.Contains("李书记", posted.Json.ReadTextOrNull(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SigningOffWithNoGroupSaysHowTheNoticeWillReachOne()
    {
        await using var world = await GroupWorld.CreateAsync();
        var personal = world.Personal();

        await personal.SayAsync(Secretary, "簽字確認 2026Q3");
        Assert.Equal(Zh.SignedOffNoGroup, Assert.Single(await personal.SayAsync(Secretary, "确定")));
    }

    [Fact]
    public async Task SigningOffTwiceSaysWhoSignedAndWhen()
    {
        await using var world = await GroupWorld.CreateAsync();
        var personal = world.Personal();
        await personal.SayAsync(Secretary, "签字确认 2026Q3");
        await personal.SayAsync(Secretary, "是");
        world.App.Time.Advance(TimeSpan.FromHours(1));

        var again = Assert.Single(await personal.SayAsync(Secretary, "sign off 2026q3"));

        // 12:00 UTC on 26 November is 20:00 in Beijing.
        Assert.Equal(Zh.AlreadySignedOff(2026, 3, "李书记", new DateTimeOffset(2026, 11, 26, 20, 0, 0, TimeSpan.FromHours(8))), again);
    }

    [Fact]
    public async Task SayingNoSignsNothing()
    {
        await using var world = await GroupWorld.CreateAsync();
        var personal = world.Personal();
        await personal.SayAsync(Secretary, "签字确认 2026年第三季度");

        Assert.Equal(Zh.SignOffCancelled, Assert.Single(await personal.SayAsync(Secretary, "不")));
        Assert.Null(await world.App.Get<ICycleCalendar>().FindSignOffAsync(world.Branch.Unit.Id, 2026, 3, Token));
    }

    [Fact]
    public async Task ARunningQuarterAnUnknownQuarterAndEveryoneButTheSecretaryAreRefused()
    {
        await using var world = await GroupWorld.CreateAsync();
        var personal = world.Personal();

        Assert.Equal(Zh.QuarterNotOver(2026, 4), Assert.Single(await personal.SayAsync(Secretary, "签字确认 2026Q4")));
        Assert.Equal(Zh.NoSuchQuarter(2030, 1), Assert.Single(await personal.SayAsync(Secretary, "签字确认 2030Q1")));
        Assert.Equal(Zh.NotSecretary, Assert.Single(await world.Personal().SayAsync(Committee, "签字确认 2026Q3")));
        Assert.Equal(Zh.NotSecretary, Assert.Single(await world.Personal().SayAsync(Zhang, "签字确认 2026Q3")));
        Assert.Equal(ConversationTexts.Chinese.NotJoined, Assert.Single(await world.Personal().SayAsync(Stranger, "签字确认 2026Q3")));
        Assert.Null(await world.App.Get<ICycleCalendar>().FindSignOffAsync(world.Branch.Unit.Id, 2026, 3, Token));
    }

    [Fact]
    public async Task WebChatGetsTheWorkbookAsAnInlineAttachment()
    {
        await using var world = await GroupWorld.CreateAsync();
        var web = world.Personal("webchat");

        var reply = Assert.Single(await web.PostAsync(web.Message(Secretary, "导出公示 2026Q3 excel")));

        var attachment = Assert.Single(reply.GetProperty("attachments").EnumerateArray());
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", attachment.GetProperty("contentType").GetString());
        Assert.EndsWith(".xlsx", attachment.GetProperty("name").GetString(), StringComparison.Ordinal);
        var bytes = DataUri(attachment, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        Assert.Equal("PK"u8.ToArray(), bytes[..2]);
        Assert.Equal(Zh.ExportAttached(world.Branch.Unit.Name, 2026, 3), reply.ReadTextOrNull());
    }

    [Fact]
    public async Task WebChatGetsThePrintablePdfAsAnInlineAttachment()
    {
        await using var world = await GroupWorld.CreateAsync();
        var web = world.Personal("webchat");

        var reply = Assert.Single(await web.PostAsync(web.Message(Secretary, "导出公示 2026Q3 pdf")));

        var attachment = Assert.Single(reply.GetProperty("attachments").EnumerateArray());
        Assert.Equal(("application/pdf", $"{world.Branch.Unit.Name}-2026Q3.pdf"), (attachment.GetProperty("contentType").GetString(), attachment.GetProperty("name").GetString()));
        var bytes = DataUri(attachment, "application/pdf");
        Assert.Equal("%PDF-"u8.ToArray(), bytes[..5]);
        Assert.InRange(bytes.Length, 10_000, ExportNoticeDialog.MaxFileBytes);
        Assert.Equal(Zh.ExportAttached(world.Branch.Unit.Name, 2026, 3), reply.ReadTextOrNull());
    }

    [Fact]
    public async Task WebChatGetsTheCsvWithAByteOrderMark()
    {
        await using var world = await GroupWorld.CreateAsync();
        var web = world.Personal("webchat");

        var reply = Assert.Single(await web.PostAsync(web.Message(Secretary, "导出公示 csv")));

        var attachment = Assert.Single(reply.GetProperty("attachments").EnumerateArray());
        Assert.Equal("text/csv", attachment.GetProperty("contentType").GetString()!.Split(';')[0]);
        var bytes = DataUri(attachment, attachment.GetProperty("contentType").GetString()!);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.Contains("张三", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TeamsGetsTheCsvAsTextInACodeBlock()
    {
        await using var world = await GroupWorld.CreateAsync();
        var teams = world.Personal();

        var reply = Assert.Single(await teams.PostAsync(teams.Message(Secretary, "export notice 2026Q3 xlsx", "en-US")));

        Assert.False(reply.TryGetProperty("attachments", out var attachments) && attachments.GetArrayLength() > 0);
        var text = reply.ReadTextOrNull()!;
        Assert.StartsWith(NoticeTexts.English.ExportAsText(world.Branch.Unit.Name, 2026, 3) + "\n```\n", text, StringComparison.Ordinal);
        Assert.EndsWith("\n```", text, StringComparison.Ordinal);
        Assert.Contains("张三", text, StringComparison.Ordinal);
        Assert.DoesNotContain('\uFEFF', text);
    }

    [Fact]
    public async Task OnlyReviewersExport()
    {
        await using var world = await GroupWorld.CreateAsync();

        Assert.Equal(Zh.NotAReviewer, Assert.Single(await world.Personal("webchat").SayAsync(Zhang, "导出公示 2026Q3")));
        Assert.Equal(ConversationTexts.Chinese.NotJoined, Assert.Single(await world.Personal().SayAsync(Stranger, "导出公示 2026Q3")));
        Assert.StartsWith(Zh.ExportAsText(world.Branch.Unit.Name, 2026, 3), Assert.Single(await world.Personal().SayAsync(Committee, "导出公示 2026Q3")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANoticeOverTheChatLimitIsRefusedWithAPointerToTheCommandLine()
    {
        await using var world = await GroupWorld.CreateAsync(services =>
            services.AddSingleton<INoticeDesk>(p => new OversizeNoticeDesk(ActivatorUtilities.CreateInstance<NoticeDeskAdapter>(p))));
        var web = world.Personal("webchat");

        var reply = Assert.Single(await web.PostAsync(web.Message(Secretary, "导出公示 2026Q3")));

        Assert.Equal(Zh.ExportTooLarge, reply.ReadTextOrNull());
        Assert.False(reply.TryGetProperty("attachments", out var attachments) && attachments.GetArrayLength() > 0);
    }

    private static byte[] DataUri(JsonElement attachment, string contentType)
    {
        var url = attachment.GetProperty("contentUrl").GetString()!;
        var prefix = $"data:{contentType};base64,";
        Assert.StartsWith(prefix, url, StringComparison.Ordinal);
        return Convert.FromBase64String(url[prefix.Length..]);
    }
}

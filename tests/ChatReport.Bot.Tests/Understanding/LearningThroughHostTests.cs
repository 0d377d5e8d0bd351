using ChatReport.Bot.Cli;
using ChatReport.Bot.Tests.Conversation;
using ChatReport.Bot.Tests.Support;
using ChatReport.Conversation.Domain;
using Microsoft.Extensions.DependencyInjection;

namespace ChatReport.Bot.Tests.Understanding;

/// <summary>
/// The bot learns each branch's words: a deed its lexicon does not know is asked about; once a
/// member picked the rule and a reviewer approved that claim, the same kind of sentence is
/// proposed with that rule in that branch, and still asked about in another.
/// </summary>
public sealed class LearningThroughHostTests
{
    private const string AskRule = "这件事算哪一项？";
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ASentenceAskedAboutOnceIsProposedInItsBranchAfterAnApprovalAndNotInAnother()
    {
        var (app, client) = await BotChat.StartAppAsync();
        await using var _ = app;
        using var __ = client;
        var branch = await ChatBranch.CreateAsync(app);
        var other = await OtherBranchAsync(app);
        var secretary = await JoinAsync(app, client, branch.SecretaryCode, "29:secretary", "李书记", confirmName: false);
        var member = await JoinAsync(app, client, branch.Code, "29:member", "王芳");
        var elsewhere = await JoinAsync(app, client, other.Code, "29:elsewhere", "赵强");

        // First time: nothing in the rules says 收玉米, so the member is asked and picks 义务劳动.
        var first = await ReportAsync(member, "申报 前天去地里帮人收玉米");
        Assert.True(first.AskedForRule);
        Assert.Contains("项目：义务劳动", first.Summary, StringComparison.Ordinal);
        var claim = Assert.Single(await app.Services.GetRequiredService<IClaimBook>().ListPendingAsync(branch.Unit.Id, null, Token));

        // Pending, the words are recorded but are no evidence yet.
        var words = app.Services.GetRequiredService<ILearnedWordBook>();
        Assert.Contains(await words.ListAsync(branch.Unit.Id, Token), w => w.Word == "玉米" && w.ApprovedClaims == 0);
        Assert.True((await ReportAsync(member, "申报 大前天去地里帮人收玉米")).AskedForRule);
        await member.SayAsync("取消");

        await secretary.SayAsync($"通过 {claim.Id}");
        Assert.Contains(await words.ListAsync(branch.Unit.Id, Token), w => w.Word == "玉米" && w.ApprovedClaims == 1);

        // Same branch, a sentence like it: proposed without asking.
        var second = await ReportAsync(member, "申报 昨天去地里帮人收玉米");
        Assert.False(second.AskedForRule);
        Assert.Contains("项目：义务劳动", second.Summary, StringComparison.Ordinal);

        // Another branch never sees those words.
        Assert.Empty(await words.ListAsync(other.Unit.Id, Token));
        Assert.True((await ReportAsync(elsewhere, "申报 昨天去地里帮人收玉米")).AskedForRule);
    }

    [Fact]
    public async Task AnAdministratorListsAndForgetsABranchsWordsFromTheCommandLine()
    {
        var (app, client) = await BotChat.StartAppAsync();
        await using var _ = app;
        using var __ = client;
        var branch = await ChatBranch.CreateAsync(app);
        var secretary = await JoinAsync(app, client, branch.SecretaryCode, "29:secretary", "李书记", confirmName: false);
        var member = await JoinAsync(app, client, branch.Code, "29:member", "王芳");
        await ReportAsync(member, "申报 前天去地里帮人收玉米");
        var claim = Assert.Single(await app.Services.GetRequiredService<IClaimBook>().ListPendingAsync(branch.Unit.Id, null, Token));
        await secretary.SayAsync($"通过 {claim.Id}");

        var listed = await RunCliAsync(app, "learned-words", "--branch", $"#{branch.Unit.Id}");
        Assert.Equal(0, listed.Code);
        Assert.Contains("玉米\tvoluntary_labour\t1 approved claim(s)", listed.Output, StringComparison.Ordinal);

        Assert.Equal(0, (await RunCliAsync(app, "learned-words", "--branch", $"#{branch.Unit.Id}", "--forget", "玉米")).Code);
        Assert.Equal(1, (await RunCliAsync(app, "learned-words", "--branch", $"#{branch.Unit.Id}", "--forget", "玉米")).Code);
        Assert.DoesNotContain(await app.Services.GetRequiredService<ILearnedWordBook>().ListAsync(branch.Unit.Id, Token), w => w.Word == "玉米");
        Assert.Equal(2, (await RunCliAsync(app, "learned-words")).Code);
    }

    // Reports a deed, answering every question the way a member would, until the summary is shown.
    private static async Task<(bool AskedForRule, string Summary)> ReportAsync(BotChat member, string sentence)
    {
        var asked = false;
        var replies = await member.SayAsync(sentence);
        for (var turn = 0; turn < 8; turn++)
        {
            var last = replies.Count > 0 ? replies[^1] : string.Empty;
            if (last.Contains("请看一下对不对", StringComparison.Ordinal))
            {
                await member.SayAsync("提交");
                return (asked, last);
            }

            if (last.Contains(AskRule, StringComparison.Ordinal))
            {
                asked = true;
                // Asked for the rule again while words are still pending: the caller cancels.
                if (sentence.Contains("大前天", StringComparison.Ordinal))
                {
                    return (asked, last);
                }

                replies = await member.SayAsync("义务劳动");
            }
            else
            {
                replies = await member.SayAsync("跳过");
            }
        }

        throw new InvalidOperationException("The report never reached its summary: " + string.Join(" | ", replies));
    }

    // A personal code claims its roster entry at once; a branch code asks to confirm the name.
    private static async Task<BotChat> JoinAsync(ChatReportApplication app, HttpClient client, string code, string userId, string name, bool confirmName = true)
    {
        var chat = BotChat.For(app, client, userId: userId, userName: name);
        await chat.SayAsync($"加入 {code}");
        if (confirmName)
        {
            await chat.SayAsync("是");
        }

        return chat;
    }

    private static async Task<(OrgUnit Unit, string Code)> OtherBranchAsync(ChatReportApplication app)
    {
        var units = app.Services.GetRequiredService<IOrganisation>();
        var members = app.Services.GetRequiredService<IMemberDirectory>();
        var committee = await units.CreateUnitAsync(new NewOrgUnit(null, OrgUnitKind.Committee, "河口村党委"), null, Token);
        var unit = await units.CreateUnitAsync(new NewOrgUnit(committee.Id, OrgUnitKind.Branch, "河口村党支部"), null, Token);
        var secretary = await members.AddMemberAsync(unit.Id, "张书记", null, Token);
        await members.GrantRoleAsync(unit.Id, secretary.Id, Role.Secretary, canReview: true, null, Token);
        var code = await app.Services.GetRequiredService<IJoinCodes>().IssueAsync(unit.Id, secretary.Id, null, null, Token);
        return (unit, code.Code);
    }

    private static async Task<(int Code, string Output)> RunCliAsync(ChatReportApplication app, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await app.Services.GetRequiredService<CliCommands>().RunAsync(args, output, error, Token);
        return (code, output.ToString() + error);
    }
}

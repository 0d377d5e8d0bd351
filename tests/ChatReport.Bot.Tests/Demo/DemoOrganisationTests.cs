using ChatReport.Bot.Demo;
using ChatReport.Bot.Storage.Connections;
using ChatReport.Bot.Tests.Conversation;
using ChatReport.Bot.Tests.Support;
using ChatReport.Conversation.Domain;
using ChatReport.Conversation.Members;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace ChatReport.Bot.Tests.Demo;

public sealed class DemoOrganisationTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static async Task<OrgUnit?> DemoBranchAsync(ChatReportApplication app) =>
        (await app.Services.GetRequiredService<IOrganisation>().FindUnitsByNameAsync(DemoOrganisationInitializer.BranchName, Token)).SingleOrDefault();

    [Fact]
    public async Task AFreshLocalDatabaseGetsADemoBranchWhoseSecretaryIsClaimedWithThePersonalCodeOnly()
    {
        await using var app = new ChatReportApplication().WithSetting("Demo:Enabled", "true");
        using var client = app.CreateClient();

        var branch = await DemoBranchAsync(app);
        Assert.NotNull(branch);
        var code = Assert.Single(await app.Services.GetRequiredService<IJoinCodes>().ListUsableAsync(branch.Id, Token));
        var members = app.Services.GetRequiredService<IMemberDirectory>();
        var onRoster = Assert.Single(await members.ListMembersAsync(branch.Id, Token));
        await using var connection = await app.Services.GetRequiredService<SqliteConnectionFactory>().OpenAsync(Token);
        var personal = await connection.ExecuteScalarAsync<string>("SELECT code FROM join_codes WHERE member_id = @Id", new { onRoster.Id });
        Assert.NotNull(personal);

        // The branch's code under the secretary's name makes nobody the secretary.
        var pretender = BotChat.For(app, client, userId: "local-pretender", userName: DemoOrganisationInitializer.SecretaryName, channelId: "directline");
        await pretender.SayAsync($"加入 {code.Code}");
        Assert.Equal(MemberTexts.Chinese.NeedsPersonalCode(DemoOrganisationInitializer.SecretaryName), Assert.Single(await pretender.SayAsync("是")));
        Assert.Null(await pretender.MemberAsync());

        var secretary = BotChat.For(app, client, userId: "local-secretary", userName: "随便", channelId: "directline");
        await secretary.SayAsync($"加入 {personal}");

        var member = await secretary.MemberAsync();
        Assert.Equal(onRoster.Id, member?.Id);
        Assert.True(await members.CanReviewAsync(member!.Id, branch.Id, Token));

        // Once: the code is spent.
        var second = BotChat.For(app, client, userId: "local-second", userName: "又一个", channelId: "directline");
        Assert.Equal(MemberTexts.Chinese.UnknownCode, Assert.Single(await second.SayAsync($"加入 {personal}")));
    }

    [Fact]
    public async Task ABotRegisteredWithAzureGetsNoDemoBranch()
    {
        await using var app = new ChatReportApplication()
            .WithSetting("Demo:Enabled", "true")
            .WithSetting("MicrosoftAppId", "app-id")
            .WithSetting("MicrosoftAppPassword", "test-secret");
        using var client = app.CreateClient();

        Assert.Null(await DemoBranchAsync(app));
    }

    [Fact]
    public async Task ADatabaseThatAlreadyHasABranchGetsNoDemoBranch()
    {
        await using var first = new ChatReportApplication();
        using (first.CreateClient())
        {
            var units = first.Services.GetRequiredService<IOrganisation>();
            var top = (await units.ListChildrenAsync(null, Token)).Single();
            await units.CreateUnitAsync(new NewOrgUnit(top.Id, OrgUnitKind.Branch, "山岔村党支部"), null, Token);
        }

        await using var second = new ChatReportApplication()
            .WithSetting("Demo:Enabled", "true")
            .WithSetting("ConnectionStrings:ChatReport", $"Data Source={first.DatabasePath}");
        using var client = second.CreateClient();

        Assert.Null(await DemoBranchAsync(second));
    }
}

using ChatReport.Bot.Demo;
using ChatReport.Bot.Tests.Conversation;
using ChatReport.Bot.Tests.Support;
using ChatReport.Dialogs.Domain;
using Microsoft.Extensions.DependencyInjection;

namespace ChatReport.Bot.Tests.Demo;

public sealed class DemoOrganisationTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static async Task<OrgUnit?> DemoBranchAsync(ChatReportApplication app) =>
        (await app.Services.GetRequiredService<IOrganisation>().FindUnitsByNameAsync(DemoOrganisationInitializer.BranchName, Token)).SingleOrDefault();

    [Fact]
    public async Task AFreshLocalDatabaseGetsADemoBranchWhoseSecretaryCanBeClaimedFromChat()
    {
        await using var app = new ChatReportApplication().WithSetting("Demo:Enabled", "true");
        using var client = app.CreateClient();

        var branch = await DemoBranchAsync(app);
        Assert.NotNull(branch);
        var code = Assert.Single(await app.Services.GetRequiredService<IJoinCodes>().ListUsableAsync(branch.Id, Token));
        var secretary = BotChat.For(app, client, userId: "local-secretary", userName: DemoOrganisationInitializer.SecretaryName, channelId: "directline");
        await secretary.SayAsync($"加入 {code.Code}");
        await secretary.SayAsync("是");

        var member = await secretary.MemberAsync();
        Assert.NotNull(member);
        Assert.True(await app.Services.GetRequiredService<IMemberDirectory>().CanReviewAsync(member.Id, branch.Id, Token));
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

using ChatReport.Bot.Tests.Support;
using ChatReport.Conversation.Domain;
using Microsoft.Extensions.DependencyInjection;

namespace ChatReport.Bot.Tests.Conversation;

/// <summary>A branch in the app's database with a secretary, a join code, and the secretary's personal code.</summary>
public sealed record ChatBranch(OrgUnit Unit, Member Secretary, string Code, Cycle Cycle, string SecretaryCode)
{
    public static async Task<ChatBranch> CreateAsync(ChatReportApplication app, params string[] roster)
    {
        var ct = TestContext.Current.CancellationToken;
        var services = app.Services;
        var units = services.GetRequiredService<IOrganisation>();
        var members = services.GetRequiredService<IMemberDirectory>();
        var committee = await units.CreateUnitAsync(new NewOrgUnit(null, OrgUnitKind.Committee, "山岔村党委"), null, ct);
        var unit = await units.CreateUnitAsync(new NewOrgUnit(committee.Id, OrgUnitKind.Branch, "山岔村党支部"), null, ct);
        var secretary = await members.AddMemberAsync(unit.Id, "李书记", null, ct);
        await members.GrantRoleAsync(unit.Id, secretary.Id, Role.Secretary, canReview: true, null, ct);
        foreach (var name in roster)
        {
            await members.AddMemberAsync(unit.Id, name, null, ct);
        }

        var codes = services.GetRequiredService<IJoinCodes>();
        var code = await codes.IssueAsync(unit.Id, secretary.Id, null, null, ct);
        var personal = await codes.IssuePersonalAsync(secretary.Id, null, null, ct);
        var cycle = await services.GetRequiredService<ICycleCalendar>().EnsureCycleAsync(2026, ct);
        return new ChatBranch(unit, secretary, code.Code, cycle, personal!.Code);
    }
}

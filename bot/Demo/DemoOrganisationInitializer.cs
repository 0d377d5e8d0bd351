using ChatReport.Bot.DirectLine;
using ChatReport.Bot.Storage.Migrations;
using ChatReport.Conversation.Domain;

namespace ChatReport.Bot.Demo;

/// <summary>
/// A newcomer who runs the bot on their own machine has no administrator and no branch, so the
/// page would only ever answer "please join". On an empty database, with the local channel on,
/// this creates a demo branch with a join code and an unclaimed secretary on its roster, and logs
/// the secretary's personal code: joining with it makes a browser the secretary (the branch's code
/// makes ordinary members only). Never runs against a database that has any unit below the top one.
/// </summary>
public sealed class DemoOrganisationInitializer(
    IServiceProvider services,
    IConfiguration configuration,
    IOrganisation organisation,
    IMemberDirectory members,
    IJoinCodes joinCodes,
    ILogger<DemoOrganisationInitializer> logger) : IDatabaseInitializer
{
    public const string BranchName = "示范党支部";
    public const string SecretaryName = "李书记";

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue("Demo:Enabled", true) || !services.IsDirectLineEnabled())
        {
            return;
        }

        // The administrators' start-up work may already have made an empty top committee: the
        // database counts as fresh while that is all there is.
        var tops = await organisation.ListChildrenAsync(null, cancellationToken);
        if (tops.Count > 1 || (tops.Count == 1 && (await organisation.ListChildrenAsync(tops[0].Id, cancellationToken)).Count > 0))
        {
            return;
        }

        var committee = tops.Count == 1
            ? tops[0]
            : await organisation.CreateUnitAsync(new NewOrgUnit(null, OrgUnitKind.Committee, "示范党委"), null, cancellationToken);
        var branch = await organisation.CreateUnitAsync(new NewOrgUnit(committee.Id, OrgUnitKind.Branch, BranchName), null, cancellationToken);
        var secretary = await members.AddMemberAsync(branch.Id, SecretaryName, null, cancellationToken);
        await members.GrantRoleAsync(branch.Id, secretary.Id, Role.Secretary, canReview: true, null, cancellationToken);
        var code = await joinCodes.IssueAsync(branch.Id, secretary.Id, null, null, cancellationToken);
        var personal = await joinCodes.IssuePersonalAsync(secretary.Id, null, null, cancellationToken)
            ?? throw new InvalidOperationException("The demo secretary was just created.");
        logger.LogWarning(
            "Created the demo branch {Branch}: join it with the code {Code} in Web Chat; the personal code {PersonalCode} makes you its secretary {Secretary} (once). (Demo:Enabled=false turns this off.)",
            BranchName, code.Code, personal.Code, SecretaryName);
    }
}

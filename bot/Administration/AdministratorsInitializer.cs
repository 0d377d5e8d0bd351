using ChatReport.Bot.Storage.Migrations;
using ChatReport.Conversation.Domain;
using Microsoft.Extensions.Options;

namespace ChatReport.Bot.Administration;

/// <summary>
/// At every start: makes sure a top unit exists (a committee named <c>Organisation:RootName</c>
/// when there is none) and that every account in <c>Administrators</c> belongs to an active
/// member holding the administrator role on it. Idempotent, so a restart changes nothing;
/// removing an account from the list does not revoke anything (do that from chat or the
/// database, deliberately).
/// </summary>
public sealed class AdministratorsInitializer(
    IOrganisation organisation,
    IMemberDirectory members,
    IOptions<AdministrationOptions> options,
    ILogger<AdministratorsInitializer> logger) : IDatabaseInitializer
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var root = await EnsureRootAsync(settings.RootName, cancellationToken);
        foreach (var entry in settings.Administrators)
        {
            if (AdministrationOptions.ParseAccount(entry) is not var (channelId, userId))
            {
                throw new DatabaseStartupException($"The administrator account '{entry}' is not of the form channelId:userId (for example msteams:29:1abc).");
            }

            var member = await members.FindByAccountAsync(channelId, userId, cancellationToken);
            if (member is null)
            {
                // The account's id stands in for a name until someone renames the member.
                member = await members.AddMemberAsync(root.Id, userId, actorId: null, cancellationToken);
                await members.LinkAccountAsync(member.Id, channelId, userId, userName: null, cancellationToken);
                logger.LogInformation("Added administrator {ChannelId}:{UserId} as member {MemberId}", channelId, userId, member.Id);
            }
            else if (!member.IsActive)
            {
                await members.SetActiveAsync(member.Id, isActive: true, actorId: null, cancellationToken);
                logger.LogWarning("Reactivated member {MemberId}, because {ChannelId}:{UserId} is a configured administrator", member.Id, channelId, userId);
            }

            var roles = await members.GetRolesAsync(member.Id, cancellationToken);
            if (!roles.Any(r => r.Role == Role.Administrator && r.UnitId == root.Id))
            {
                await members.GrantRoleAsync(root.Id, member.Id, Role.Administrator, canReview: false, grantedBy: null, cancellationToken);
                logger.LogInformation("Member {MemberId} administers {Unit}", member.Id, root.Name);
            }
        }
    }

    private async Task<OrgUnit> EnsureRootAsync(string rootName, CancellationToken cancellationToken)
    {
        var tops = (await organisation.ListChildrenAsync(null, cancellationToken)).Where(u => u.IsActive).ToList();
        var root = tops.FirstOrDefault(u => string.Equals(u.Name, rootName, StringComparison.Ordinal))
            ?? tops.Where(u => u.Kind == OrgUnitKind.Committee).MinBy(u => u.Id)
            ?? tops.MinBy(u => u.Id);
        if (root is not null)
        {
            return root;
        }

        root = await organisation.CreateUnitAsync(new NewOrgUnit(null, OrgUnitKind.Committee, rootName), actorId: null, cancellationToken);
        logger.LogInformation("Created the top unit {Unit}", root.Name);
        return root;
    }
}

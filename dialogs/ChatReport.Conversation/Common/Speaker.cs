using ChatReport.Conversation.Commands;
using ChatReport.Conversation.Domain;

namespace ChatReport.Conversation.Common;

/// <summary>Who is speaking in a turn, as <see cref="Speakers"/> looked them up once for it.</summary>
/// <param name="Member">The member linked to the sender's channel account (active or not), or null for a stranger.</param>
/// <param name="Roles">The member's roles; empty for a stranger or an inactive member.</param>
public sealed record Speaker(Member? Member, IReadOnlyList<UnitRole> Roles)
{
    /// <summary>Someone the bot does not know.</summary>
    public static Speaker Stranger { get; } = new(null, []);

    /// <summary>The member while they are active; null for a stranger or an inactive member.</summary>
    public Member? ActiveMember => Member is { IsActive: true } ? Member : null;

    /// <summary>True when the speaker is an active administrator of some unit.</summary>
    public bool IsAdministrator => ActiveMember is not null && Roles.Any(r => r.Role == Role.Administrator);

    /// <summary>True when the speaker is an active secretary or administrator of some unit.</summary>
    public bool IsSecretaryOrAdministrator => ActiveMember is not null && Roles.Any(r => r.Role is Role.Administrator or Role.Secretary);

    /// <summary>The audiences whose commands the speaker may see in the help menu.</summary>
    public IReadOnlySet<CommandAudience> Audiences
    {
        get
        {
            if (ActiveMember is null)
            {
                return new HashSet<CommandAudience> { CommandAudience.Everyone };
            }

            var audiences = new HashSet<CommandAudience> { CommandAudience.Members };
            if (Roles.Any(r => r.CanReview || r.Role == Role.Secretary))
            {
                audiences.Add(CommandAudience.Reviewers);
            }

            if (IsAdministrator)
            {
                audiences.Add(CommandAudience.Administrators);
            }

            return audiences;
        }
    }
}

using ChatReport.Conversation.Domain.Members;
using ChatReport.Dialogs.Turns;

namespace ChatReport.Conversation.Main;

/// <summary>Who is speaking: the member linked to the activity's channel account.</summary>
public static class CurrentMember
{
    /// <summary>The member linked to the sender's channel account, or null for a stranger.</summary>
    /// <param name="members">The member directory.</param>
    /// <param name="context">The turn.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The member (active or not), or null.</returns>
    public static async Task<Member?> FindAsync(IMemberDirectory members, ITurnContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(context);
        var activity = context.Activity;
        if (string.IsNullOrEmpty(activity.ChannelId) || string.IsNullOrEmpty(activity.From?.Id))
        {
            return null;
        }

        return await members.FindByAccountAsync(activity.ChannelId, activity.From.Id, cancellationToken);
    }

    /// <summary>
    /// The sender as an active member; otherwise tells them politely to join (or that their
    /// membership is inactive) and returns null.
    /// </summary>
    /// <param name="members">The member directory.</param>
    /// <param name="context">The turn.</param>
    /// <param name="texts">The texts in the user's language.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The active member, or null after the reply.</returns>
    public static async Task<Member?> RequireAsync(IMemberDirectory members, ITurnContext context, ConversationTexts texts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var member = await FindAsync(members, context, cancellationToken);
        if (member is { IsActive: true })
        {
            return member;
        }

        await context.SendTextAsync(member is null ? texts.NotJoined : texts.Inactive, cancellationToken);
        return null;
    }

    /// <summary>The audiences whose commands the sender may see in the help menu.</summary>
    /// <param name="members">The member directory.</param>
    /// <param name="member">The sender, or null for a stranger.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Everyone for strangers; Members plus Reviewers/Administrators by role otherwise.</returns>
    public static async Task<IReadOnlySet<Commands.CommandAudience>> AudiencesAsync(IMemberDirectory members, Member? member, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(members);
        if (member is not { IsActive: true })
        {
            return new HashSet<Commands.CommandAudience> { Commands.CommandAudience.Everyone };
        }

        var audiences = new HashSet<Commands.CommandAudience> { Commands.CommandAudience.Members };
        foreach (var role in await members.GetRolesAsync(member.Id, cancellationToken))
        {
            if (role.CanReview || role.Role == Role.Secretary)
            {
                audiences.Add(Commands.CommandAudience.Reviewers);
            }

            if (role.Role == Role.Administrator)
            {
                audiences.Add(Commands.CommandAudience.Administrators);
            }
        }

        return audiences;
    }
}

using ChatReport.Conversation.Domain;
using ChatReport.Dialogs.Turns;

namespace ChatReport.Conversation.Common;

/// <summary>Who is speaking: the member linked to the activity's channel account.</summary>
public static class CurrentMember
{
    /// <summary>The member linked to the sender's channel account, or null for a stranger.</summary>
    /// <param name="members">The member directory.</param>
    /// <param name="context">The turn.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The member (active or not), or null.</returns>
    public static async Task<Member?> FindAsync(IMemberDirectory members, ITurnContext context, CancellationToken cancellationToken) =>
        (await Speakers.GetAsync(members, context, cancellationToken)).Member;

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
}

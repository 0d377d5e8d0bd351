using ChatReport.Conversation.Domain;
using ChatReport.Dialogs.Turns;

namespace ChatReport.Conversation.Common;

/// <summary>
/// Looks the sender of a turn up once — member and roles — and keeps them on the turn's state,
/// so the root dialog, the command's dialog and its access checks read the same answer without
/// asking the store again. A dialog that changes who the sender is (joining, linking, roles)
/// calls <see cref="Forget"/>.
/// </summary>
public static class Speakers
{
    /// <summary>The turn's speaker, looked up on first use.</summary>
    /// <param name="members">The member directory.</param>
    /// <param name="turn">The turn.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The speaker; <see cref="Speaker.Stranger"/> when the account is linked to nobody.</returns>
    public static async Task<Speaker> GetAsync(IMemberDirectory members, ITurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(turn);
        if (turn.TurnState.Get<Speaker>() is { } known)
        {
            return known;
        }

        var activity = turn.Activity;
        var speaker = Speaker.Stranger;
        if (!string.IsNullOrEmpty(activity.ChannelId) && activity.From?.Id is { Length: > 0 } userId
            && await members.FindByAccountAsync(activity.ChannelId, userId, cancellationToken) is { } member)
        {
            speaker = new Speaker(member, member.IsActive ? await members.GetRolesAsync(member.Id, cancellationToken) : []);
        }

        turn.TurnState.Set(speaker);
        return speaker;
    }

    /// <summary>Forgets the turn's speaker after a change to their membership or roles.</summary>
    /// <param name="turn">The turn.</param>
    public static void Forget(ITurnContext turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        turn.TurnState.Remove<Speaker>();
    }
}

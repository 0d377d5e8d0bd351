using ChatReport.Conversation.Domain;
using ChatReport.Dialogs.Turns;

namespace ChatReport.Conversation.Common;

/// <summary>
/// Who is asking, and which branches they review. The stores check rights again inside their
/// transactions; asking first lets the dialogs refuse politely before anything is attempted.
/// </summary>
public static class ReviewAccess
{
    /// <summary>The active member behind the turn's account, or null for a stranger or a deactivated member.</summary>
    /// <param name="members">The member directory.</param>
    /// <param name="turn">The turn.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The active member, or null.</returns>
    public static async Task<Member?> FindActorAsync(IMemberDirectory members, ITurnContext turn, CancellationToken cancellationToken) =>
        (await Speakers.GetAsync(members, turn, cancellationToken)).ActiveMember;

    /// <summary>The units the turn's speaker reviews (none for a stranger), looked up once per turn.</summary>
    /// <param name="members">The member directory.</param>
    /// <param name="turn">The turn.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The ids of the units, in the order of the speaker's roles.</returns>
    public static async Task<IReadOnlyList<long>> ReviewedUnitsAsync(IMemberDirectory members, ITurnContext turn, CancellationToken cancellationToken)
    {
        var speaker = await Speakers.GetAsync(members, turn, cancellationToken);
        if (turn.TurnState.Get<ReviewedUnits>() is { } known && ReferenceEquals(known.Of, speaker))
        {
            return known.UnitIds;
        }

        var units = new List<long>();
        if (speaker.ActiveMember is { } actor)
        {
            foreach (var unitId in speaker.Roles.Where(r => r.Role == Role.Secretary || (r.Role == Role.Committee && r.CanReview)).Select(r => r.UnitId).Distinct())
            {
                if (await members.CanReviewAsync(actor.Id, unitId, cancellationToken))
                {
                    units.Add(unitId);
                }
            }
        }

        turn.TurnState.Set(new ReviewedUnits(speaker, units));
        return units;
    }

    // Kept with the speaker it was worked out for: once the speaker is forgotten, so is this.
    private sealed record ReviewedUnits(Speaker Of, IReadOnlyList<long> UnitIds);
}

using ChatReport.Conversation.Domain.Members;
using ChatReport.Dialogs.Turns;

namespace ChatReport.Conversation.Review;

/// <summary>
/// Who is asking, and which branches they review. The stores check rights again inside their
/// transactions; asking first lets the dialogs refuse politely before anything is attempted.
/// </summary>
internal static class ReviewAccess
{
    /// <summary>The active member behind the turn's account, or null for a stranger or a deactivated member.</summary>
    public static async Task<Member?> FindActorAsync(IMemberDirectory members, ITurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        if (string.IsNullOrEmpty(activity.ChannelId) || activity.From?.Id is not { Length: > 0 } userId)
        {
            return null;
        }

        var member = await members.FindByAccountAsync(activity.ChannelId, userId, cancellationToken);
        return member is { IsActive: true } ? member : null;
    }

    /// <summary>The units whose claims <paramref name="actor"/> reviews.</summary>
    public static async Task<IReadOnlyList<long>> ReviewedUnitsAsync(IMemberDirectory members, Member actor, CancellationToken cancellationToken)
    {
        var roles = await members.GetRolesAsync(actor.Id, cancellationToken);
        var units = new List<long>();
        foreach (var unitId in roles.Where(r => r.Role == Role.Secretary || (r.Role == Role.Committee && r.CanReview)).Select(r => r.UnitId).Distinct())
        {
            if (await members.CanReviewAsync(actor.Id, unitId, cancellationToken))
            {
                units.Add(unitId);
            }
        }

        return units;
    }
}

using ChatReport.Bot.Storage.Domain;
using ChatReport.Conversation.Domain;
using ChatReport.Conversation.Notices;

namespace ChatReport.Bot.Notifications;

/// <summary>Objections in personal chats: reviewers hear of new ones and of those left open after the period; objectors hear the outcome.</summary>
public sealed class ObjectionNotifier(IMemberDirectory members, MemberMessenger messenger) : IObjectionNotifier
{
    public async Task ObjectionFiledAsync(Objection objection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(objection);
        foreach (var reviewer in await ReviewersAsync(objection.UnitId, objection.MemberId, cancellationToken))
        {
            await messenger.SendTextAsync(reviewer.Id, language => ObjectionTexts.ForLanguage(language).NewObjection(objection), cancellationToken);
        }
    }

    public async Task ObjectionResolvedAsync(Objection objection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(objection);
        await messenger.SendTextAsync(
            objection.ObjectorId,
            language => objection.Status == ObjectionStatus.Upheld
                ? ObjectionTexts.ForLanguage(language).ToObjectorUpheld(objection)
                : ObjectionTexts.ForLanguage(language).ToObjectorDismissed(objection),
            cancellationToken);
    }

    /// <summary>Reminds the branch's reviewers that the period is over with objections open.</summary>
    public async Task RemindAsync(QuarterOfUnit quarter, int open, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(quarter);
        foreach (var reviewer in await ReviewersAsync(quarter.UnitId, null, cancellationToken))
        {
            await messenger.SendTextAsync(reviewer.Id, language => ObjectionTexts.ForLanguage(language).Reminder(quarter.Quarter, open), cancellationToken);
        }
    }

    // A reviewer whose own points are objected to is not asked to judge them.
    private async Task<IEnumerable<Member>> ReviewersAsync(long unitId, long? concerned, CancellationToken cancellationToken) =>
        (await members.ListReviewersAsync(unitId, cancellationToken)).Where(r => r.Id != concerned);
}

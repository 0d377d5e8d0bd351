using ChatReport.Conversation.Common;
using ChatReport.Conversation.Domain;
using ChatReport.Conversation.Review;
using ChatReport.Dialogs.Localization;

namespace ChatReport.Bot.Notifications;

/// <summary>Claim cards to reviewers and decisions to members, over <see cref="MemberMessenger"/>.</summary>
public sealed class ReviewNotifier(
    IMemberDirectory members,
    IRuleBook rules,
    IOrganisation organisation,
    MemberMessenger messenger) : IReviewNotifier
{
    public async Task ClaimSubmittedAsync(Claim claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var claimant = await members.GetAsync(claim.MemberId, cancellationToken);
        var timeZone = await TimeZoneOfAsync(claim.UnitId, cancellationToken);
        foreach (var reviewer in await members.ListReviewersAsync(claim.UnitId, cancellationToken))
        {
            if (reviewer.Id == claim.MemberId)
            {
                continue;
            }

            var views = new Dictionary<ReplyLanguage, ClaimView>();
            foreach (var language in Enum.GetValues<ReplyLanguage>())
            {
                views[language] = (await ClaimViews.BuildAsync([claim], members, rules, language, timeZone, cancellationToken))[0];
            }

            await messenger.SendAsync(
                reviewer.Id,
                (language, reply) =>
                {
                    var texts = ReviewTexts.ForLanguage(language);
                    return ClaimCards.ForClaim(reply, texts.NewClaimNotice(claimant?.DisplayName ?? views[language].MemberName), views[language], texts);
                },
                cancellationToken);
        }
    }

    public async Task DecisionMadeAsync(ClaimChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change is not { Status: ClaimChangeStatus.Done, Claim: { } claim })
        {
            return;
        }

        await messenger.SendTextAsync(
            claim.MemberId,
            language =>
            {
                var texts = ReviewTexts.ForLanguage(language);
                return claim.Status switch
                {
                    ClaimStatus.Rejected => texts.MemberRejected(claim.Id, claim.Description, claim.DecisionNote ?? ""),
                    _ when claim.AwardedPoints != claim.ClaimedPoints =>
                        texts.MemberAdjusted(claim.Id, claim.Description, claim.ClaimedPoints, claim.AwardedPoints ?? 0, claim.DecisionNote ?? ""),
                    _ => texts.MemberApproved(claim.Id, claim.Description, claim.AwardedPoints ?? claim.ClaimedPoints),
                };
            },
            cancellationToken);
    }

    public async Task RuleChangedAsync(ClaimChange change, PointRule previous, PointRule chosen, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(chosen);
        if (change is not { Status: ClaimChangeStatus.Done, Claim: { } claim })
        {
            return;
        }

        await messenger.SendTextAsync(
            claim.MemberId,
            language => RuleChangeTexts.ForLanguage(language).MemberRuleChanged(
                claim.Id, claim.Description, RuleNames.Of(previous, language), RuleNames.Of(chosen, language), claim.ClaimedPoints, change.DecidedBy?.DisplayName ?? ""),
            cancellationToken);
    }

    private async Task<TimeZoneInfo> TimeZoneOfAsync(long unitId, CancellationToken cancellationToken)
    {
        var unit = await organisation.GetUnitAsync(unitId, cancellationToken);
        return UserLocale.FindTimeZone(unit?.TimeZone ?? LocalCalendar.DefaultTimeZone);
    }
}

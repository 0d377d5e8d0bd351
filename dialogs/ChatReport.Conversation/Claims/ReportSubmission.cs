using ChatReport.Conversation.Common;
using ChatReport.Conversation.Domain;
using ChatReport.Conversation.Review;
using ChatReport.Dialogs.Engine;
using ChatReport.Dialogs.Turns;

namespace ChatReport.Conversation.Claims;

/// <summary>
/// Submits a finished draft, keyed on the activity that pressed submit so a redelivery returns the
/// same claim, within the rule's cap counted in the store's transaction; rings the reviewers once.
/// </summary>
internal sealed class ReportSubmission(IMemberDirectory members, IRuleBook rules, ICycleCalendar cycles, IClaimBook claims, IReviewNotifier reviewers)
{
    /// <summary>Submits the draft; when the cap shrank meanwhile, restarts <paramref name="waterfall"/> with the points left.</summary>
    public async Task<DialogTurnResult> SubmitAsync(WaterfallStepContext<ReportDraft> step, string waterfall, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var texts = step.Texts<ClaimTexts>();
        var draft = step.State;
        var member = await CurrentMember.RequireAsync(members, step.Context, step.Texts<ConversationTexts>(), cancellationToken);
        if (member is null)
        {
            return await step.EndDialogAsync(cancellationToken);
        }

        var rule = await rules.GetAsync(draft.RuleId!.Value, cancellationToken);
        var cycle = await cycles.FindCycleForDateAsync(draft.OccurredOn!.Value, cancellationToken);
        var cap = rule is { CapPoints: { } capPoints, CapPeriod: { } capPeriod } && cycle is not null
            ? new ClaimCap(capPoints, cycle.PeriodContaining(capPeriod, draft.OccurredOn!.Value))
            : null;
        var activity = step.Context.Activity;
        var source = new ActivityKey(activity.ChannelId ?? string.Empty, activity.Conversation?.Id ?? string.Empty, activity.Id ?? Guid.NewGuid().ToString("N"));
        var submission = await claims.SubmitAsync(
            new ClaimRequest(
                member.Id,
                draft.RuleId!.Value,
                draft.OccurredAt ?? ReportDraft.LocalInstant(draft.OccurredOn!.Value, TimeOnly.MinValue, zone),
                draft.OccurredOn!.Value,
                draft.Place,
                draft.What ?? string.Empty,
                draft.Points ?? 0,
                draft.MemberNote,
                source,
                draft.Photos,
                cap,
                draft.DayPart,
                draft.TimeKnown,
                draft.RuleAsked && draft.ContentWords.Count > 0 ? draft.ContentWords : null),
            cancellationToken);
        if (submission.Status == ClaimSubmissionStatus.CapExceeded)
        {
            return await CapExceededAsync(step, waterfall, rule!, submission.CapRemaining ?? 0, cancellationToken);
        }

        var reply = submission.Status switch
        {
            ClaimSubmissionStatus.Created or ClaimSubmissionStatus.AlreadySubmitted => texts.Submitted(submission.Claim!.Id),
            ClaimSubmissionStatus.MemberNotActive => texts.MemberNotActive,
            ClaimSubmissionStatus.RuleNotClaimable => texts.RuleNotClaimable,
            _ => texts.OutsideCycle,
        };
        await step.Context.SendTextAsync(reply, cancellationToken);
        // Only a new claim: a redelivered submit must not ring the reviewers twice.
        if (submission.Status == ClaimSubmissionStatus.Created)
        {
            await reviewers.ClaimSubmittedAsync(submission.Claim!, cancellationToken);
        }

        return await step.EndDialogAsync(submission, cancellationToken);
    }

    // Another claim (a second phone, a double tap) used the cap while this summary was open:
    // lower the points to what is left and show the summary again, or stop when nothing is.
    private static async Task<DialogTurnResult> CapExceededAsync(WaterfallStepContext<ReportDraft> step, string waterfall, PointRule rule, int remaining, CancellationToken cancellationToken)
    {
        var texts = step.Texts<ClaimTexts>();
        var name = RuleNames.Of(rule, step.Language);
        var period = texts.PeriodName(rule.CapPeriod!.Value);
        if (remaining <= 0)
        {
            await step.Context.SendTextAsync(texts.CapReached(name, rule.CapPoints!.Value, period), cancellationToken);
            return await step.EndDialogAsync(cancellationToken);
        }

        await step.Context.SendTextAsync(texts.CapShrankAtSubmit(name, rule.CapPoints!.Value, period, remaining), cancellationToken);
        return await step.ReplaceDialogAsync(waterfall, step.State with { Points = remaining, AskPoints = false }, cancellationToken);
    }
}

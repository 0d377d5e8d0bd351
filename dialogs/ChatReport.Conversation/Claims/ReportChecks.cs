using ChatReport.Conversation.Common;
using ChatReport.Conversation.Domain;
using ChatReport.Dialogs.Engine;
using ChatReport.Dialogs.Turns;

namespace ChatReport.Conversation.Claims;

/// <summary>
/// What a draft cannot know by itself, looked up before each question: whether its day may be
/// claimed, what the rule's cap still allows, and whether the same rule was claimed that day. A
/// refused day is cleared (so it is asked again); a cap to accept or a repeat to confirm is noted
/// on the draft, which then asks about it.
/// </summary>
internal sealed class ReportChecks(IMemberDirectory members, IRuleBook rules, ICycleCalendar cycles, IClaimBook claims, DeedDays days, TimeProvider time)
{
    /// <summary>The highest number of points one claim may carry.</summary>
    public const int MaxPoints = 100;

    /// <summary>
    /// The draft checked as far as it is filled: the day once what was done is known, the cap and a
    /// same-day repeat once rule and points are. Null when the report cannot go on (the member was told why).
    /// </summary>
    public async Task<ReportDraft?> CheckAsync(DialogContext dc, ReportDraft draft, CancellationToken cancellationToken)
    {
        if (!draft.Lacks(ReportField.What) && draft.OccurredOn is { } day && await RefuseDayAsync(dc, draft, day, cancellationToken) is { } refusal)
        {
            await dc.Context.SendTextAsync(refusal, cancellationToken);
            draft = draft with { OccurredOn = null, OccurredAt = null, DayPart = null, TimeKnown = false };
        }

        return draft.Missing is null or ReportField.Photo ? await CheckRuleAsync(dc, draft, cancellationToken) : draft;
    }

    private async Task<string?> RefuseDayAsync(DialogContext dc, ReportDraft draft, DateOnly day, CancellationToken cancellationToken)
    {
        // 下午去扫雪 said in the morning has not happened yet either.
        var later = draft.OccurredAt > time.GetUtcNow() && (draft.TimeKnown || draft.DayPart is not null);
        return later ? dc.Texts<ClaimTexts>().FutureDate : await days.CheckDayAsync(dc, day, cancellationToken);
    }

    private async Task<ReportDraft?> CheckRuleAsync(DialogContext dc, ReportDraft draft, CancellationToken cancellationToken)
    {
        var texts = dc.Texts<ClaimTexts>();
        var rule = await rules.GetAsync(draft.RuleId!.Value, cancellationToken);
        if (rule is null)
        {
            await dc.Context.SendTextAsync(texts.RuleNotClaimable, cancellationToken);
            return null;
        }

        draft = draft with { Points = Math.Clamp(draft.Points ?? rule.DefaultPoints, 0, MaxPoints) };
        var member = (await CurrentMember.FindAsync(members, dc.Context, cancellationToken))!;
        if (rule is { CapPoints: { } cap, CapPeriod: { } period }
            && await cycles.FindCycleForDateAsync(draft.OccurredOn!.Value, cancellationToken) is { } cycle)
        {
            var usage = await claims.GetRuleUsageAsync(member.Id, rule.Id, cycle.PeriodContaining(period, draft.OccurredOn!.Value), cancellationToken);
            var remaining = cap - usage.CommittedPoints;
            if (remaining <= 0)
            {
                await dc.Context.SendTextAsync(texts.CapReached(RuleNames.Of(rule, dc.Language), cap, texts.PeriodName(period)), cancellationToken);
                return null;
            }

            if (draft.Points > remaining)
            {
                return draft with { CapRemaining = remaining };
            }
        }

        if (draft.DuplicateAcknowledged)
        {
            return draft;
        }

        var same = await claims.FindSameDayAsync(member.Id, rule.Id, draft.OccurredOn!.Value, cancellationToken);
        return draft with { SameDayClaimId = same.Count > 0 ? same[0].Id : null };
    }
}

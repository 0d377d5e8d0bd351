using ChatReport.Conversation.Common;
using ChatReport.Conversation.Domain;
using ChatReport.Conversation.Understanding;
using ChatReport.Dialogs.Engine;
using ChatReport.Dialogs.Localization;
using ChatReport.Dialogs.Prompts;
using ChatReport.Dialogs.Recognition;
using ChatReport.Dialogs.Turns;

namespace ChatReport.Conversation.Claims;

/// <summary>The days a report may name: in the branch's zone, not in the future, in an open cycle.</summary>
internal sealed class DeedDays(IMemberDirectory members, IOrganisation organisation, ICycleCalendar cycles, TimeProvider time)
{
    /// <summary>The zone deeds are told in.</summary>
    // Deeds are told in the branch's time: its days are the ones claims, caps and cards count in,
    // and a device's own zone is not to be trusted (a browser on a UTC machine made 昨天下午 an
    // evening on the secretary's card).
    public async Task<TimeZoneInfo> ZoneAsync(ITurnContext context, TimeZoneInfo fallback, CancellationToken cancellationToken)
    {
        var member = await CurrentMember.FindAsync(members, context, cancellationToken);
        return ZoneOf(member is null ? null : await organisation.GetUnitAsync(member.UnitId, cancellationToken), fallback);
    }

    /// <summary>The zone of <paramref name="unit"/>; <paramref name="fallback"/> when it names none this machine knows.</summary>
    public static TimeZoneInfo ZoneOf(OrgUnit? unit, TimeZoneInfo fallback)
    {
        if (unit is null || string.IsNullOrWhiteSpace(unit.TimeZone))
        {
            return fallback;
        }

        try
        {
            return UserLocale.FindTimeZone(unit.TimeZone);
        }
        catch (TimeZoneNotFoundException)
        {
            return fallback;
        }
    }

    /// <summary>Why <paramref name="day"/> cannot be claimed, or null.</summary>
    public async Task<string?> CheckDayAsync(DialogContext dc, DateOnly day, CancellationToken cancellationToken)
    {
        var texts = dc.Texts<ClaimTexts>();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), await ZoneAsync(dc.Context, dc.UserLocale.TimeZone, cancellationToken)).DateTime);
        if (day > today)
        {
            return texts.FutureDate;
        }

        return await cycles.FindCycleForDateAsync(day, cancellationToken) is { IsOpen: true } ? null : texts.OutsideCycle;
    }

    /// <summary>Accepts an answer to "which day" that names one claimable day.</summary>
    public async Task<PromptValidation> ValidateDayAsync(PromptValidatorContext<DateTimeResolution> prompt, CancellationToken cancellationToken)
    {
        // A month or a week is not an answer to "which day".
        if (DeedTimeReader.ReadAnswer(prompt.Value, null) is not { Day: { } day })
        {
            return PromptValidation.Reject(prompt.DialogContext.Texts<ClaimTexts>().WhichDayRetry);
        }

        // 15号 after 上个月 is placed in that month later; checked there.
        if (prompt.Value.Timex.StartsWith("XXXX-XX-", StringComparison.Ordinal))
        {
            return PromptValidation.Accept;
        }

        var refusal = await CheckDayAsync(prompt.DialogContext, day, cancellationToken);
        return refusal is null ? PromptValidation.Accept : PromptValidation.Reject(refusal);
    }
}

using ChatReport.Conversation.Domain;
using ChatReport.Conversation.Understanding;

namespace ChatReport.Conversation.Claims;

/// <summary>
/// A report being put together: the report waterfall's state, and what it still lacks. Null means
/// "still to ask". Everything here is pure: the dialog asks <see cref="Question"/> until it is
/// null, then shows the summary.
/// </summary>
public sealed record ReportDraft
{
    /// <summary>A sentence not parsed yet.</summary>
    public string? Sentence { get; init; }

    /// <summary>When the deed happened, in the user's zone.</summary>
    public DateTimeOffset? OccurredAt { get; init; }

    /// <summary>The local day of the deed.</summary>
    public DateOnly? OccurredOn { get; init; }

    /// <summary>The part of the day the member said instead of a time (下午), or null.</summary>
    public DayPart? DayPart { get; init; }

    /// <summary>True when the member said a time of day; otherwise only the day (and part) of <see cref="OccurredAt"/> is meant.</summary>
    public bool TimeKnown { get; init; }

    /// <summary>The first day of the span the member named instead of a day (上个月), while the day is asked for.</summary>
    public DateOnly? SpanFirst { get; init; }

    /// <summary>The last day of that span.</summary>
    public DateOnly? SpanLast { get; init; }

    /// <summary>The days offered as buttons for that span, latest first.</summary>
    public IReadOnlyList<DateOnly> OfferedDays { get; init; } = [];

    /// <summary>Where.</summary>
    public string? Place { get; init; }

    /// <summary>True once the member was asked where (and may have skipped it).</summary>
    public bool PlaceAsked { get; init; }

    /// <summary>What the member did.</summary>
    public string? What { get; init; }

    /// <summary>The rule once chosen.</summary>
    public long? RuleId { get; init; }

    /// <summary>The rules the sentence named when it named several.</summary>
    public IReadOnlyList<long> RuleCandidates { get; init; } = [];

    /// <summary>True when the member picked the rule after being asked: the sentence's words are learned for it.</summary>
    public bool RuleAsked { get; init; }

    /// <summary>True when the member asked to see every rule instead of the few offered.</summary>
    public bool ShowAllRules { get; init; }

    /// <summary>The content words of what the member said, for learning.</summary>
    public IReadOnlyList<string> ContentWords { get; init; } = [];

    /// <summary>True after the member changed what they did: the new words may name another rule.</summary>
    public bool RedetectRule { get; init; }

    /// <summary>The points claimed.</summary>
    public int? Points { get; init; }

    /// <summary>True when the member asked to change the points and must be asked for them.</summary>
    public bool AskPoints { get; init; }

    /// <summary>What the rule's cap still allows, while the member is asked to accept it.</summary>
    public int? CapRemaining { get; init; }

    /// <summary>Photos attached as evidence.</summary>
    public IReadOnlyList<NewClaimAttachment> Photos { get; init; } = [];

    /// <summary>True once the member was asked for a photo.</summary>
    public bool PhotoAsked { get; init; }

    /// <summary>A claim of the same rule on the same day, while the member is asked whether to report again.</summary>
    public long? SameDayClaimId { get; init; }

    /// <summary>True once the member chose to report a second claim of the same rule on the same day.</summary>
    public bool DuplicateAcknowledged { get; init; }

    /// <summary>The member's note to the reviewer.</summary>
    public string? MemberNote { get; init; }

    /// <summary>True when the member asked to change something and is asked which field.</summary>
    public bool ChoosingField { get; init; }

    /// <summary>
    /// The one thing to ask next: which field to change when the member asked to, a cap to accept or
    /// a same-day repeat to confirm once the checks found one, else the first field missing; null
    /// when the summary can be shown.
    /// </summary>
    public ReportQuestion? Question => this switch
    {
        { ChoosingField: true } => ReportQuestion.Field,
        { CapRemaining: not null } => ReportQuestion.Cap,
        { SameDayClaimId: not null } => ReportQuestion.SameDay,
        _ => Missing switch
        {
            null => null,
            ReportField.What => ReportQuestion.What,
            ReportField.When => ReportQuestion.When,
            ReportField.Where => ReportQuestion.Where,
            ReportField.Rule => ReportQuestion.Rule,
            ReportField.Points => ReportQuestion.Points,
            _ => ReportQuestion.Photo,
        },
    };

    /// <summary>The first thing still to ask, in the order asked; null when the summary can be shown.</summary>
    public ReportField? Missing => Enum.GetValues<ReportField>().Cast<ReportField?>().FirstOrDefault(f => Lacks(f!.Value));

    /// <summary>The span said instead of a day (上个月), while the day is asked for; null otherwise.</summary>
    public DeedTime? Span => SpanFirst is { } first && SpanLast is { } last ? new DeedTime { SpanFirst = first, SpanLast = last } : null;

    /// <summary>Whether <paramref name="field"/> must still be asked.</summary>
    /// <param name="field">The part of the report.</param>
    /// <returns>True when the member has to be asked for it.</returns>
    public bool Lacks(ReportField field) => field switch
    {
        ReportField.What => What is null,
        ReportField.When => OccurredOn is null,
        ReportField.Where => Place is null && !PlaceAsked,
        ReportField.Rule => RuleId is null,
        ReportField.Points => AskPoints,
        _ => !PhotoAsked,
    };

    /// <summary>The draft with <paramref name="field"/> cleared, so that it alone is asked again.</summary>
    /// <param name="field">The part the member wants to change.</param>
    /// <returns>The draft to restart the waterfall with.</returns>
    public ReportDraft Reopen(ReportField field) => field switch
    {
        ReportField.When => this with { OccurredOn = null, OccurredAt = null, DayPart = null, TimeKnown = false, SpanFirst = null, SpanLast = null, OfferedDays = [], DuplicateAcknowledged = false },
        ReportField.Where => this with { Place = null, PlaceAsked = false },
        ReportField.What => this with { What = null, RedetectRule = RuleId is not null },
        ReportField.Rule => this with { RuleId = null, RuleCandidates = [], ShowAllRules = true, Points = null, DuplicateAcknowledged = false },
        ReportField.Points => this with { Points = null, AskPoints = true },
        _ => this with { Photos = [], PhotoAsked = false },
    };

    /// <summary>
    /// The draft with what <paramref name="parsed"/> found filled in where still empty: a day fills
    /// the date, a span is kept to ask which day, a sure rule is chosen, close ones are offered. New
    /// words after a change of what was done may reopen the rule, keeping the old one on offer.
    /// </summary>
    /// <param name="parsed">The member's sentence, read.</param>
    /// <param name="zone">The zone the deed was told in.</param>
    /// <returns>The updated draft.</returns>
    public ReportDraft With(ParsedDeed parsed, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        ArgumentNullException.ThrowIfNull(zone);
        var updated = this with
        {
            What = What ?? (parsed.What.Length > 0 ? parsed.What : null),
            Place = Place ?? parsed.Place,
            Points = Points ?? parsed.Points,
            ContentWords = What is null || RedetectRule ? parsed.ContentWords ?? [] : ContentWords,
        };
        if (updated.OccurredOn is null && updated.SpanFirst is null && parsed.Time is { } time)
        {
            updated = time.IsDay
                ? updated.WithTime(time, zone)
                : updated with { SpanFirst = time.SpanFirst, SpanLast = time.SpanLast, OfferedDays = time.Offered };
        }

        // The points go with the rule, so they start again from what the words or the rule say.
        if (updated.RedetectRule && updated.RuleId is { } current && parsed.Rules.Count > 0 && parsed.Rules.All(r => r.Id != current))
        {
            updated = updated with { RuleId = null, RuleCandidates = [.. parsed.Rules.Select(r => r.Id).Append(current)], Points = parsed.Points, DuplicateAcknowledged = false };
        }

        updated = updated with { RedetectRule = false };
        if (updated.RuleId is null && updated.RuleCandidates.Count == 0)
        {
            updated = parsed.Rule is { } sure ? updated with { RuleId = sure.Id } : updated with { RuleCandidates = [.. parsed.Rules.Select(r => r.Id)] };
        }

        return updated;
    }

    /// <summary>
    /// The draft with the deed's day and the member's wall clock as the instant it is in
    /// <paramref name="zone"/>: a time when said, else the start of the part of the day, else
    /// midnight; <see cref="TimeKnown"/> tells which.
    /// </summary>
    /// <param name="time">A day, with a time or part of the day when said.</param>
    /// <param name="zone">The zone the deed was told in.</param>
    /// <returns>The updated draft.</returns>
    public ReportDraft WithTime(DeedTime time, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(zone);
        var day = time.Day!.Value;
        var clock = time.Time ?? time.Part switch
        {
            Domain.DayPart.Morning => new TimeOnly(8, 0),
            Domain.DayPart.Noon or Domain.DayPart.Afternoon => new TimeOnly(12, 0),
            Domain.DayPart.Evening => new TimeOnly(16, 0),
            Domain.DayPart.Night => new TimeOnly(20, 0),
            _ => TimeOnly.MinValue,
        };
        return this with
        {
            OccurredOn = day,
            OccurredAt = LocalInstant(day, clock, zone),
            DayPart = time.Time is null ? time.Part : null,
            TimeKnown = time.Time is not null,
            SpanFirst = null,
            SpanLast = null,
            OfferedDays = [],
        };
    }

    /// <summary>The instant a wall-clock time on <paramref name="day"/> is in <paramref name="zone"/>.</summary>
    /// <param name="day">The local day.</param>
    /// <param name="clock">The local time.</param>
    /// <param name="zone">The zone.</param>
    /// <returns>The instant, with the zone's offset then.</returns>
    public static DateTimeOffset LocalInstant(DateOnly day, TimeOnly clock, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = day.ToDateTime(clock, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}

using ChatReport.Conversation.Domain;

namespace ChatReport.Conversation.Understanding;

/// <summary>
/// When a deed happened, as precisely as the member said it: a day (with a time or a part of the
/// day when one was said), or only a span of days (上个月, 上周, 前几天) that a day must still be
/// chosen from.
/// </summary>
public sealed record DeedTime
{
    /// <summary>The local day, when the member named one; null for a span.</summary>
    public DateOnly? Day { get; init; }

    /// <summary>The local time of day, when the member said one (下午3点).</summary>
    public TimeOnly? Time { get; init; }

    /// <summary>The part of the day, when the member said one instead of a time (下午).</summary>
    public DayPart? Part { get; init; }

    /// <summary>The first day of the span the day lies in, when only a span was said.</summary>
    public DateOnly? SpanFirst { get; init; }

    /// <summary>The last day of that span (inclusive), never after today.</summary>
    public DateOnly? SpanLast { get; init; }

    /// <summary>Days to offer as buttons for a span, latest first; empty when the span is too long to list.</summary>
    public IReadOnlyList<DateOnly> Offered { get; init; } = [];

    /// <summary>True when a day is known.</summary>
    public bool IsDay => Day is not null;
}

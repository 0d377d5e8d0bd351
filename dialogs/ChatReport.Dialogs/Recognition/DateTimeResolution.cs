using System.Text.Json.Serialization;

namespace ChatReport.Dialogs.Recognition;

/// <summary>
/// A date, time, range or duration found in a message, resolved against the user's local "now"
/// and carrying the user's UTC offset.
/// </summary>
public sealed record DateTimeResolution
{
    /// <summary>What the expression stands for.</summary>
    public required DateTimeResolutionKind Kind { get; init; }

    /// <summary>The TIMEX expression (e.g. <c>2026-11-25TAF</c> for 昨天下午, <c>PT2H</c> for 两个小时).</summary>
    public required string Timex { get; init; }

    /// <summary>Where the expression starts in the message.</summary>
    public required int Index { get; init; }

    /// <summary>How many characters of the message the expression covers.</summary>
    public required int Length { get; init; }

    /// <summary>The moment, or the start of the range, in the user's zone; null for durations and open starts.</summary>
    public DateTimeOffset? Start { get; init; }

    /// <summary>The exclusive end of a range, in the user's zone; null otherwise.</summary>
    public DateTimeOffset? End { get; init; }

    /// <summary>The length of a duration; null otherwise.</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>The user's calendar day of <see cref="Start"/>.</summary>
    [JsonIgnore]
    public DateOnly? Date => Start is { } start ? DateOnly.FromDateTime(start.DateTime) : null;
}

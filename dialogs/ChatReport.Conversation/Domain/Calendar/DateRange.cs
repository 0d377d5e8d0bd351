namespace ChatReport.Conversation.Domain;

/// <summary>A run of local days, both ends included.</summary>
/// <param name="First">The first day.</param>
/// <param name="Last">The last day (included).</param>
public sealed record DateRange(DateOnly First, DateOnly Last)
{
    /// <summary>Whether <paramref name="day"/> falls within the range.</summary>
    /// <param name="day">The day to test.</param>
    /// <returns>True when First ≤ day ≤ Last.</returns>
    public bool Contains(DateOnly day) => day >= First && day <= Last;
}

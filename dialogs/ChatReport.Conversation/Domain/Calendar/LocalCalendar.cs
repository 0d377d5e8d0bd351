namespace ChatReport.Conversation.Domain;

/// <summary>Turns instants into the local days that points are counted in.</summary>
public static class LocalCalendar
{
    /// <summary>The time zone of a unit unless its administrator chose another.</summary>
    public const string DefaultTimeZone = "Asia/Shanghai";

    /// <summary>The local day of <paramref name="instant"/> in the IANA time zone <paramref name="timeZoneId"/>.</summary>
    /// <param name="instant">Any instant.</param>
    /// <param name="timeZoneId">An IANA time zone id such as Asia/Shanghai.</param>
    /// <returns>The calendar day on a wall clock in that zone.</returns>
    /// <exception cref="TimeZoneNotFoundException">The zone is not known to this machine.</exception>
    public static DateOnly ToLocalDate(DateTimeOffset instant, string timeZoneId) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById(timeZoneId)).DateTime);

    /// <summary>Today's local day in <paramref name="timeZoneId"/>.</summary>
    /// <param name="time">The clock.</param>
    /// <param name="timeZoneId">An IANA time zone id.</param>
    /// <returns>Today on a wall clock in that zone.</returns>
    public static DateOnly Today(TimeProvider time, string timeZoneId)
    {
        ArgumentNullException.ThrowIfNull(time);
        return ToLocalDate(time.GetUtcNow(), timeZoneId);
    }

    /// <summary>Whether this machine knows the IANA time zone <paramref name="timeZoneId"/>.</summary>
    /// <param name="timeZoneId">The id to check.</param>
    /// <returns>True when it can be used for a unit.</returns>
    public static bool IsKnownTimeZone(string? timeZoneId) =>
        !string.IsNullOrWhiteSpace(timeZoneId) && TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out _);
}

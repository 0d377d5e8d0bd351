namespace ChatReport.Conversation.Domain;

/// <summary>
/// A yearly points cycle (一年一个周期). Its four quarters are counted from its first day, so
/// with the default start (1 January) they are the calendar quarters.
/// </summary>
/// <param name="Id">The cycle's number.</param>
/// <param name="Year">The calendar year it starts in; members say 我的积分 2025.</param>
/// <param name="StartsOn">Its first day.</param>
/// <param name="EndsOn">Its last day (included).</param>
/// <param name="IsOpen">Whether claims may still be made in it.</param>
public sealed record Cycle(long Id, int Year, DateOnly StartsOn, DateOnly EndsOn, bool IsOpen)
{
    /// <summary>The days of the cycle.</summary>
    public DateRange Days => new(StartsOn, EndsOn);

    /// <summary>Whether <paramref name="day"/> falls within the cycle.</summary>
    /// <param name="day">The local day.</param>
    /// <returns>True when the day is in the cycle.</returns>
    public bool Contains(DateOnly day) => Days.Contains(day);

    /// <summary>The quarter (1–4) of the cycle that <paramref name="day"/> falls in.</summary>
    /// <param name="day">A local day inside the cycle.</param>
    /// <returns>1, 2, 3 or 4.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The day is outside the cycle.</exception>
    public int QuarterOf(DateOnly day)
    {
        if (!Contains(day))
        {
            throw new ArgumentOutOfRangeException(nameof(day), day, $"{day:yyyy-MM-dd} is outside the cycle {StartsOn:yyyy-MM-dd}–{EndsOn:yyyy-MM-dd}.");
        }

        for (var quarter = 1; quarter < 4; quarter++)
        {
            if (day < StartsOn.AddMonths(3 * quarter))
            {
                return quarter;
            }
        }

        return 4;
    }

    /// <summary>The days of one quarter of the cycle.</summary>
    /// <param name="quarter">1, 2, 3 or 4.</param>
    /// <returns>The quarter's first and last day.</returns>
    public DateRange Quarter(int quarter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quarter, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quarter, 4);
        var first = StartsOn.AddMonths(3 * (quarter - 1));
        var last = quarter == 4 ? EndsOn : StartsOn.AddMonths(3 * quarter).AddDays(-1);
        return new DateRange(first, last);
    }

    /// <summary>
    /// The days a rule's cap counts over for a claim on <paramref name="day"/>: the day itself,
    /// its Monday-to-Sunday week, its calendar month, its quarter of the cycle, or the cycle.
    /// Weeks and months are clipped to the cycle.
    /// </summary>
    /// <param name="period">The rule's cap period.</param>
    /// <param name="day">A local day inside the cycle.</param>
    /// <returns>The days to add up.</returns>
    public DateRange PeriodContaining(CapPeriod period, DateOnly day)
    {
        if (!Contains(day))
        {
            throw new ArgumentOutOfRangeException(nameof(day), day, $"{day:yyyy-MM-dd} is outside the cycle {StartsOn:yyyy-MM-dd}–{EndsOn:yyyy-MM-dd}.");
        }

        var range = period switch
        {
            CapPeriod.Day => new DateRange(day, day),
            CapPeriod.Week => WeekOf(day),
            CapPeriod.Month => new DateRange(new DateOnly(day.Year, day.Month, 1), new DateOnly(day.Year, day.Month, DateTime.DaysInMonth(day.Year, day.Month))),
            CapPeriod.Quarter => Quarter(QuarterOf(day)),
            CapPeriod.Year => Days,
            _ => throw new ArgumentOutOfRangeException(nameof(period), period, "Unknown cap period."),
        };
        return new DateRange(Max(range.First, StartsOn), Min(range.Last, EndsOn));
    }

    private static DateRange WeekOf(DateOnly day)
    {
        // China's weeks start on Monday; DayOfWeek counts from Sunday.
        var monday = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
        return new DateRange(monday, monday.AddDays(6));
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}

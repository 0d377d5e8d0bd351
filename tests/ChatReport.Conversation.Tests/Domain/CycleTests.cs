using ChatReport.Conversation.Domain;

namespace ChatReport.Conversation.Tests.Domain;

public sealed class CycleTests
{
    private static readonly Cycle s_calendarYear = new(1, 2026, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), true);
    private static readonly Cycle s_fromApril = new(2, 2026, new DateOnly(2026, 4, 1), new DateOnly(2027, 3, 31), true);

    [Theory]
    [InlineData("2026-01-01", 1)]
    [InlineData("2026-03-31", 1)]
    [InlineData("2026-04-01", 2)]
    [InlineData("2026-09-30", 3)]
    [InlineData("2026-10-01", 4)]
    [InlineData("2026-12-31", 4)]
    public void QuartersOfACalendarYearCycleAreTheCalendarQuarters(string day, int quarter) =>
        Assert.Equal(quarter, s_calendarYear.QuarterOf(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void QuartersCountFromTheCyclesFirstDay()
    {
        Assert.Equal(1, s_fromApril.QuarterOf(new DateOnly(2026, 6, 30)));
        Assert.Equal(4, s_fromApril.QuarterOf(new DateOnly(2027, 1, 1)));
        Assert.Equal(new DateRange(new DateOnly(2027, 1, 1), new DateOnly(2027, 3, 31)), s_fromApril.Quarter(4));
        Assert.Equal(new DateRange(new DateOnly(2026, 7, 1), new DateOnly(2026, 9, 30)), s_fromApril.Quarter(2));
        Assert.Throws<ArgumentOutOfRangeException>(() => s_fromApril.QuarterOf(new DateOnly(2026, 3, 31)));
    }

    [Fact]
    public void CapPeriodsAreTheDayTheMondayToSundayWeekTheMonthTheQuarterAndTheCycle()
    {
        // 2026-10-08 is a Thursday.
        var day = new DateOnly(2026, 10, 8);

        Assert.Equal(new DateRange(day, day), s_calendarYear.PeriodContaining(CapPeriod.Day, day));
        Assert.Equal(new DateRange(new DateOnly(2026, 10, 5), new DateOnly(2026, 10, 11)), s_calendarYear.PeriodContaining(CapPeriod.Week, day));
        Assert.Equal(new DateRange(new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31)), s_calendarYear.PeriodContaining(CapPeriod.Month, day));
        Assert.Equal(new DateRange(new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31)), s_calendarYear.PeriodContaining(CapPeriod.Quarter, day));
        Assert.Equal(s_calendarYear.Days, s_calendarYear.PeriodContaining(CapPeriod.Year, day));
        // A Sunday belongs to the week that began the Monday before.
        Assert.Equal(new DateOnly(2026, 10, 5), s_calendarYear.PeriodContaining(CapPeriod.Week, new DateOnly(2026, 10, 11)).First);
    }

    [Fact]
    public void AWeekAcrossTheCycleBoundaryIsClippedToTheCycle()
    {
        // 2026-01-01 is a Thursday; its week began in the previous cycle.
        var week = s_calendarYear.PeriodContaining(CapPeriod.Week, new DateOnly(2026, 1, 1));

        Assert.Equal(new DateRange(new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 4)), week);
    }

    [Fact]
    public void AJoinCodeIsUsableUntilItExpiresIsUsedUpOrIsRevoked()
    {
        var now = new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
        var code = new JoinCode("123456", 1, null, now, now.AddHours(1), 2, 1, null);

        Assert.True(code.IsUsableAt(now));
        Assert.False(code.IsUsableAt(now.AddHours(1)));
        Assert.False((code with { Uses = 2 }).IsUsableAt(now));
        Assert.False((code with { RevokedAt = now }).IsUsableAt(now));
    }
}

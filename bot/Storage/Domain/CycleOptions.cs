using System.ComponentModel.DataAnnotations;
using System.Globalization;
using ChatReport.Conversation.Domain;

namespace ChatReport.Bot.Storage.Domain;

/// <summary>When the yearly points cycle starts.</summary>
public sealed record CycleOptions : IValidatableObject
{
    public const string Section = "Cycle";

    /// <summary>
    /// The first day of every cycle as <c>MM-dd</c>. Days after the 28th are refused so that
    /// every year has the day and quarters stay three whole months. A change applies from the
    /// next cycle created, which then starts the day after the previous one ends and runs to the
    /// day before the new start day: one transitional cycle is longer (its fourth quarter takes
    /// the extra months) or shorter (it has fewer quarters) than a year.
    /// </summary>
    [RegularExpression("^(0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])$", ErrorMessage = "Cycle:StartMonthDay must be MM-dd with a day from 01 to 28, like 01-01.")]
    public string StartMonthDay { get; init; } = "01-01";

    /// <summary>The time zone whose calendar says which cycle "today" is in.</summary>
    public string TimeZone { get; init; } = LocalCalendar.DefaultTimeZone;

    public DateOnly StartOf(int year) =>
        DateOnly.ParseExact(string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{StartMonthDay}"), "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The year of the cycle <paramref name="day"/> falls in, going by this start day.</summary>
    public int CycleYearOf(DateOnly day) => day >= StartOf(day.Year) ? day.Year : day.Year - 1;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!LocalCalendar.IsKnownTimeZone(TimeZone))
        {
            yield return new ValidationResult($"Cycle:TimeZone '{TimeZone}' is not a time zone this machine knows (for example Asia/Shanghai).", [nameof(TimeZone)]);
        }
    }
}

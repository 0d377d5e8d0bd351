using ChatReport.Dialogs.Schema;
using RecognizerCulture = Microsoft.Recognizers.Text.Culture;

namespace ChatReport.Dialogs.Localization;

/// <summary>
/// Who the bot is talking to in this turn: the language to reply in, the cultures to recognize
/// input in (in order of preference), and the user's time zone for "yesterday afternoon".
/// </summary>
/// <param name="Language">The language replies are written in.</param>
/// <param name="TimeZone">The user's time zone: "now" for recognition is the current instant in this zone.</param>
/// <param name="RecognitionCultures">Microsoft.Recognizers.Text cultures to try, best first.</param>
public sealed record UserLocale(ReplyLanguage Language, TimeZoneInfo TimeZone, IReadOnlyList<string> RecognitionCultures)
{
    /// <summary>The time zone used when an activity does not say (where the branches are).</summary>
    public const string DefaultTimeZoneId = "Asia/Shanghai";

    private static readonly string[] ChineseFirst = [RecognizerCulture.Chinese, RecognizerCulture.English];
    private static readonly string[] EnglishFirst = [RecognizerCulture.English, RecognizerCulture.Chinese];

    /// <summary>Chinese replies, Chinese-then-English recognition, in <paramref name="timeZone"/>.</summary>
    public static UserLocale Chinese(TimeZoneInfo timeZone) => new(ReplyLanguage.Chinese, timeZone, ChineseFirst);

    /// <summary>English replies, English-then-Chinese recognition, in <paramref name="timeZone"/>.</summary>
    public static UserLocale English(TimeZoneInfo timeZone) => new(ReplyLanguage.English, timeZone, EnglishFirst);

    /// <summary>The user's wall-clock time at <paramref name="instant"/>.</summary>
    public DateTimeOffset ToLocalTime(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, TimeZone);

    /// <summary>The user's calendar day at <paramref name="instant"/>.</summary>
    /// <param name="instant">The moment, usually the clock's now.</param>
    /// <returns>The local date.</returns>
    public DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(ToLocalTime(instant).DateTime);

    /// <summary>
    /// Works out the locale of a turn. Language: the activity's <c>locale</c> if it is one we reply
    /// in, else the language the user wrote in (CJK characters mean Chinese, Latin letters English),
    /// else <paramref name="previous"/> (what this conversation last used), else Chinese. Time zone:
    /// the activity's <c>localTimezone</c> if known, else the offset of its <c>localTimestamp</c>,
    /// else <paramref name="defaultTimeZone"/>.
    /// </summary>
    public static UserLocale Resolve(Activity activity, ReplyLanguage? previous, TimeZoneInfo defaultTimeZone)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(defaultTimeZone);
        var language = FromLocale(activity.Locale) ?? FromText(activity.Text) ?? previous ?? ReplyLanguage.Chinese;
        var timeZone = TimeZoneOf(activity) ?? defaultTimeZone;
        return language == ReplyLanguage.English ? English(timeZone) : Chinese(timeZone);
    }

    /// <summary>The reply language a BCP-47 locale asks for, or null when we have no table for it.</summary>
    public static ReplyLanguage? FromLocale(string? locale)
    {
        if (string.IsNullOrWhiteSpace(locale))
        {
            return null;
        }

        var primary = locale.Trim().Split('-', '_')[0];
        if (primary.Equals("zh", StringComparison.OrdinalIgnoreCase))
        {
            return ReplyLanguage.Chinese;
        }

        return primary.Equals("en", StringComparison.OrdinalIgnoreCase) ? ReplyLanguage.English : null;
    }

    /// <summary>The language <paramref name="text"/> is written in, or null when it has no letters (digits, emoji).</summary>
    public static ReplyLanguage? FromText(string? text)
    {
        if (Scripts.ContainsCjk(text))
        {
            return ReplyLanguage.Chinese;
        }

        return Scripts.ContainsLatinLetter(text) ? ReplyLanguage.English : null;
    }

    /// <summary>
    /// <paramref name="id"/> as an IANA (or Windows) time zone, or a fixed UTC+8 zone named like it
    /// when this machine has no time zone data, so that a slim container still gets China right.
    /// </summary>
    public static TimeZoneInfo FindTimeZone(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        if (TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone))
        {
            return zone;
        }

        if (id.Equals(DefaultTimeZoneId, StringComparison.OrdinalIgnoreCase))
        {
            return TimeZoneInfo.CreateCustomTimeZone(DefaultTimeZoneId, TimeSpan.FromHours(8), DefaultTimeZoneId, DefaultTimeZoneId);
        }

        throw new TimeZoneNotFoundException($"Time zone '{id}' is not known on this machine.");
    }

    private static TimeZoneInfo? TimeZoneOf(Activity activity)
    {
        if (!string.IsNullOrWhiteSpace(activity.LocalTimezone)
            && TimeZoneInfo.TryFindSystemTimeZoneById(activity.LocalTimezone, out var named))
        {
            return named;
        }

        if (activity.LocalTimestamp is { } local)
        {
            var name = "UTC" + local.Offset.ToString(local.Offset < TimeSpan.Zero ? "\\-hh\\:mm" : "\\+hh\\:mm", System.Globalization.CultureInfo.InvariantCulture);
            return TimeZoneInfo.CreateCustomTimeZone(name, local.Offset, name, name);
        }

        return null;
    }
}

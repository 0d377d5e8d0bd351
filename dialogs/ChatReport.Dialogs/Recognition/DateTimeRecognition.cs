using System.Globalization;
using System.Text.RegularExpressions;
using ChatReport.Dialogs.Localization;
using Microsoft.Recognizers.Text;
using Microsoft.Recognizers.Text.DateTime;

namespace ChatReport.Dialogs.Recognition;

/// <summary>
/// Dates, times, ranges and durations in Chinese and English (十月八日, 昨天下午, 上周六,
/// 上季度, 两个小时, yesterday afternoon, last Saturday), resolved relative to the user's local
/// time. Microsoft.Recognizers.Text does the work; two gaps of its Chinese model are filled here:
/// relative quarters (上季度, 本季度, 下个季度) and "N个半小时" (it only sees the 半小时).
/// </summary>
public static partial class DateTimeRecognition
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd", "HH:mm:ss"];

    // Recognizers.Text takes a millisecond or more per sentence; see RecognitionMemo.
    private static readonly RecognitionMemo<Key, DateTimeResolution[]> Memo = new(4096);

    private static readonly RecognizerModels<DateTimeModel> Models =
        new(culture => new DateTimeRecognizer(culture, DateTimeOptions.None).GetDateTimeModel(culture, fallbackToDefaultCulture: false));

    /// <summary>
    /// Everything date-like in <paramref name="text"/>, in order of position, from the first culture
    /// of <paramref name="locale"/> that finds anything. <paramref name="now"/> is turned into the
    /// user's wall-clock time with <see cref="UserLocale.TimeZone"/>; dates without a year or week
    /// are resolved with <paramref name="preference"/>.
    /// </summary>
    public static IReadOnlyList<DateTimeResolution> Recognize(string? text, UserLocale locale, DateTimeOffset now, DateTimePreference preference)
    {
        ArgumentNullException.ThrowIfNull(locale);
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var normalized = TextNormalizer.Normalize(text);
        // Resolutions are written to the second, so the reference time is taken to the second: the
        // result is then a function of the key, and a turn recognised before it entered the writer
        // finds its result remembered when it runs within the same second.
        var localNow = locale.ToLocalTime(now).DateTime;
        localNow = localNow.AddTicks(-(localNow.Ticks % TimeSpan.TicksPerSecond));
        var key = new Key(normalized, string.Join('|', locale.RecognitionCultures), locale.TimeZone, localNow, preference);
        return Memo.GetOrAdd(key, locale.RecognitionCultures, static (key, cultures) => RecognizeNormalized(key.Text, cultures, key.LocalNow, key.TimeZone, key.Preference, screen: true));
    }

    /// <summary>
    /// <see cref="Recognize"/> with every model asked whatever the text, and nothing remembered: what
    /// the tests compare the screened recognition with.
    /// </summary>
    internal static IReadOnlyList<DateTimeResolution> RecognizeUnscreened(string text, UserLocale locale, DateTimeOffset now, DateTimePreference preference)
    {
        var localNow = locale.ToLocalTime(now).DateTime;
        localNow = localNow.AddTicks(-(localNow.Ticks % TimeSpan.TicksPerSecond));
        return string.IsNullOrWhiteSpace(text) ? [] : RecognizeNormalized(TextNormalizer.Normalize(text), locale.RecognitionCultures, localNow, locale.TimeZone, preference, screen: false);
    }

    private static DateTimeResolution[] RecognizeNormalized(string normalized, IReadOnlyList<string> cultures, DateTime localNow, TimeZoneInfo zone, DateTimePreference preference, bool screen)
    {
        foreach (var culture in cultures)
        {
            var found = new List<DateTimeResolution>();
            if (culture.Equals(Culture.Chinese, StringComparison.OrdinalIgnoreCase))
            {
                found.AddRange(RecognizeQuarters(normalized, localNow, zone));
                found.AddRange(RecognizeHalfHours(normalized));
                found.AddRange(RecognizeDaysOfMonth(normalized, localNow, zone, preference));
            }

            // The model is the costly part; a text with nothing a date is written with skips it.
            IReadOnlyList<ModelResult> results = !screen || DateTimeHints.MayHold(normalized, culture)
                ? Models.Use(culture, (normalized, localNow), static (model, input) => model.Parse(input.normalized, input.localNow))
                : [];
            foreach (var result in results)
            {
                var resolution = Resolve(result, localNow, zone, preference);
                if (resolution is not null && !found.Exists(f => Overlaps(f, resolution)))
                {
                    found.Add(resolution);
                }
            }

            if (found.Count > 0)
            {
                found.Sort((a, b) => a.Index.CompareTo(b.Index));
                return [.. found];
            }
        }

        return [];
    }

    private static bool Overlaps(DateTimeResolution a, DateTimeResolution b) =>
        a.Index < b.Index + b.Length && b.Index < a.Index + a.Length;

    private static DateTimeResolution? Resolve(ModelResult result, DateTime localNow, TimeZoneInfo zone, DateTimePreference preference)
    {
        // Recognizers.Text leaves Resolution null for some spans it finds but cannot resolve
        // ("昨日下半日" in Wu); such a span says nothing usable, like one without values.
        if (result.Resolution is null || !result.Resolution.TryGetValue("values", out var raw) || raw is not IEnumerable<Dictionary<string, string>> values)
        {
            return null;
        }

        var candidates = values.ToList();
        if (candidates.Count == 0)
        {
            return null;
        }

        var kind = candidates[0].GetValueOrDefault("type") switch
        {
            "date" => DateTimeResolutionKind.Date,
            "datetime" => DateTimeResolutionKind.DateTime,
            "time" => DateTimeResolutionKind.Time,
            "daterange" => DateTimeResolutionKind.DateRange,
            "datetimerange" => DateTimeResolutionKind.DateTimeRange,
            "timerange" => DateTimeResolutionKind.TimeRange,
            "duration" => DateTimeResolutionKind.Duration,
            // Recurrences (每周六) and anything newer are not something a prompt can answer with.
            _ => (DateTimeResolutionKind?)null,
        };
        if (kind is null)
        {
            return null;
        }

        var common = new DateTimeResolution
        {
            Kind = kind.Value,
            Timex = candidates[0].GetValueOrDefault("timex") ?? string.Empty,
            Index = result.Start,
            Length = result.End - result.Start + 1,
        };

        if (kind == DateTimeResolutionKind.Duration)
        {
            return double.TryParse(candidates[0].GetValueOrDefault("value"), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
                ? common with { Duration = TimeSpan.FromSeconds(seconds) }
                : null;
        }

        var chosen = Choose(candidates, kind.Value, localNow, preference);
        var start = ParseLocal(chosen.GetValueOrDefault("value") ?? chosen.GetValueOrDefault("start"), kind.Value, localNow);
        var end = ParseLocal(chosen.GetValueOrDefault("end"), kind.Value, localNow);
        if (start is null && end is null)
        {
            return null;
        }

        return common with
        {
            Timex = chosen.GetValueOrDefault("timex") ?? common.Timex,
            Start = ToOffset(start, zone),
            End = ToOffset(end, zone),
        };
    }

    // Recognizers gives one candidate per reading (the past and the next 10月8日); pick one.
    private static Dictionary<string, string> Choose(List<Dictionary<string, string>> candidates, DateTimeResolutionKind kind, DateTime localNow, DateTimePreference preference)
    {
        if (candidates.Count == 1)
        {
            return candidates[0];
        }

        var dated = candidates
            .Select(c => (Value: c, Start: ParseLocal(c.GetValueOrDefault("value") ?? c.GetValueOrDefault("start"), kind, localNow)))
            .Where(c => c.Start is not null)
            .OrderBy(c => c.Start)
            .ToList();
        if (dated.Count == 0)
        {
            return candidates[0];
        }

        if (preference == DateTimePreference.Past)
        {
            var past = dated.LastOrDefault(c => c.Start <= localNow);
            return past.Value ?? dated[0].Value;
        }

        var future = dated.FirstOrDefault(c => c.Start >= localNow.Date);
        return future.Value ?? dated[^1].Value;
    }

    private static DateTime? ParseLocal(string? value, DateTimeResolutionKind kind, DateTime localNow)
    {
        if (string.IsNullOrEmpty(value)
            || !DateTime.TryParseExact(value, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.NoCurrentDateDefault, out var parsed))
        {
            return null;
        }

        // A bare time parses onto 0001-01-01; put it on the user's today.
        return kind is DateTimeResolutionKind.Time or DateTimeResolutionKind.TimeRange && parsed.Date == DateTime.MinValue.Date
            ? localNow.Date + parsed.TimeOfDay
            : parsed;
    }

    private static DateTimeOffset? ToOffset(DateTime? local, TimeZoneInfo zone) =>
        local is { } value ? new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Unspecified), zone.GetUtcOffset(value)) : null;

    private static IEnumerable<DateTimeResolution> RecognizeQuarters(string text, DateTime localNow, TimeZoneInfo zone)
    {
        foreach (Match match in RelativeQuarter().Matches(text))
        {
            var shift = match.Groups["rel"].Value switch
            {
                "上" => -1,
                "下" => 1,
                _ => 0,
            };
            var quarterStartMonth = ((localNow.Month - 1) / 3 * 3) + 1;
            var start = new DateTime(localNow.Year, quarterStartMonth, 1).AddMonths(3 * shift);
            var end = start.AddMonths(3);
            yield return new DateTimeResolution
            {
                Kind = DateTimeResolutionKind.DateRange,
                Timex = string.Create(CultureInfo.InvariantCulture, $"({start:yyyy-MM-dd},{end:yyyy-MM-dd},P3M)"),
                Index = match.Index,
                Length = match.Length,
                Start = ToOffset(start, zone),
                End = ToOffset(end, zone),
            };
        }
    }

    private static IEnumerable<DateTimeResolution> RecognizeHalfHours(string text)
    {
        foreach (Match match in HoursAndAHalf().Matches(text))
        {
            var hours = NumberRecognition.Recognize(match.Groups["n"].Value, [Culture.Chinese]);
            if (hours.Count != 1)
            {
                continue;
            }

            var total = hours[0].Value + 0.5m;
            yield return new DateTimeResolution
            {
                Kind = DateTimeResolutionKind.Duration,
                Timex = string.Create(CultureInfo.InvariantCulture, $"PT{total}H"),
                Index = match.Index,
                Length = match.Length,
                Duration = TimeSpan.FromHours((double)total),
            };
        }
    }

    // 15号, 十六日 alone (the recognizers need a month): this month's, or the last or next month's
    // when that day has passed or is to come, by preference.
    private static IEnumerable<DateTimeResolution> RecognizeDaysOfMonth(string text, DateTime localNow, TimeZoneInfo zone, DateTimePreference preference)
    {
        foreach (Match match in DayOfMonth().Matches(text))
        {
            var numbers = NumberRecognition.Recognize(match.Groups["d"].Value, [Culture.Chinese]);
            if (numbers.Count != 1 || numbers[0].Value is < 1 or > 31)
            {
                continue;
            }

            var day = (int)numbers[0].Value;
            var month = new DateTime(localNow.Year, localNow.Month, 1);
            var candidate = day <= DateTime.DaysInMonth(month.Year, month.Month) ? month.AddDays(day - 1) : (DateTime?)null;
            if (preference == DateTimePreference.Past && (candidate is null || candidate > localNow.Date))
            {
                month = month.AddMonths(-1);
                candidate = day <= DateTime.DaysInMonth(month.Year, month.Month) ? month.AddDays(day - 1) : null;
            }
            else if (preference != DateTimePreference.Past && (candidate is null || candidate < localNow.Date))
            {
                month = month.AddMonths(1);
                candidate = day <= DateTime.DaysInMonth(month.Year, month.Month) ? month.AddDays(day - 1) : null;
            }

            if (candidate is { } date)
            {
                yield return new DateTimeResolution
                {
                    Kind = DateTimeResolutionKind.Date,
                    Timex = string.Create(CultureInfo.InvariantCulture, $"XXXX-XX-{day:00}"),
                    Index = match.Index,
                    Length = match.Length,
                    Start = ToOffset(date, zone),
                };
            }
        }
    }

    private readonly record struct Key(string Text, string Cultures, TimeZoneInfo TimeZone, DateTime LocalNow, DateTimePreference Preference);

    [GeneratedRegex(@"(?<![月0-9一二三四五六七八九十第])(?<d>[0-9]{1,2}|[一二三四五六七八九十]{1,3})(?:号|日)(?![楼院室线路])")]
    private static partial Regex DayOfMonth();

    [GeneratedRegex("(?<rel>上|本|这|下)(?:一|个|一个)?季度")]
    private static partial Regex RelativeQuarter();

    [GeneratedRegex("(?<n>[0-9]+|[一二两三四五六七八九十]+)个?半(?:小时|钟头)")]
    private static partial Regex HoursAndAHalf();
}

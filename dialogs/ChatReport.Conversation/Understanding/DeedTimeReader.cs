using System.Globalization;
using System.Text.RegularExpressions;
using ChatReport.Conversation.Domain;
using ChatReport.Dialogs.Recognition;

namespace ChatReport.Conversation.Understanding;

/// <summary>
/// Reads when a deed happened from what the recognizers found, keeping it as precise as the
/// member was and no more: only a named day fills the date; a month, a week or 前几天 stays a span
/// to ask about; a part of the day stays a part of the day.
/// </summary>
public static partial class DeedTimeReader
{
    /// <summary>Spans up to this many days are offered day by day as buttons.</summary>
    public const int MaxOfferedDays = 7;

    /// <summary>
    /// The time <paramref name="when"/> stands for, or, when the recognizers found nothing, the
    /// span a vague word in <paramref name="text"/> (前几天, the other day) points at; null when
    /// the text says nothing about when.
    /// </summary>
    /// <param name="when">The first date or time the recognizers found, or null.</param>
    /// <param name="text">The message, normalized.</param>
    /// <param name="today">The member's local today.</param>
    /// <returns>What is known of the time.</returns>
    public static DeedTime? Read(DateTimeResolution? when, string text, DateOnly today)
    {
        text ??= string.Empty;
        // 最近, recently: the recognizers make these "now" or "the past"; they name no day.
        var relativeOnly = when is not null
            && (when.Timex is "PRESENT_REF" or "PAST_REF" or "FUTURE_REF"
                || (when.Index + when.Length <= text.Length && VagueWords().IsMatch(text.AsSpan(when.Index, when.Length))));
        if (when is null || when.Kind == DateTimeResolutionKind.Duration || relativeOnly)
        {
            // I'll be clearing the ditch, 打算下周去: still to come, whatever day it will be.
            if (when is null && ((FutureWords().IsMatch(text) && !Done().IsMatch(text)) || NotYet().IsMatch(text)))
            {
                return new DeedTime { Day = today.AddDays(1) };
            }

            return VagueWords().Match(text) is { Success: true } vague
                ? Span(today.AddDays(vague.Groups["today"].Success ? -6 : -7), today.AddDays(vague.Groups["today"].Success ? 0 : -1), today)
                : when?.Timex == "PAST_REF" ? Span(today.AddDays(-7), today.AddDays(-1), today)
                : null;
        }

        if (when.Start is not { } start)
        {
            return null;
        }

        var day = DateOnly.FromDateTime(start.DateTime);
        switch (when.Kind)
        {
            case DateTimeResolutionKind.Date:
                // 周六去敬老院: a bare weekday with nothing done (no 了, 过) and a plan after it (去, 要, 打算)
                // is the coming one; 礼拜天在服务点量血压, 周一帮…推上坡 tell what was done on the last one.
                if (when.Index + when.Length <= text.Length && BareWeekday().IsMatch(text.AsSpan(when.Index, when.Length)) && !Done().IsMatch(text) && day < today
                    && (Planned().IsMatch(text.AsSpan(when.Index + when.Length)) || FutureWords().IsMatch(text)))
                {
                    return new DeedTime { Day = day.AddDays(7) };
                }

                // "last Tuesday" said on a Thursday: this week's Tuesday to some, the week before's to
                // others (the recognizers pick the latter). Both are offered; neither is assumed.
                if (when.Index + when.Length <= text.Length && LastWeekday().IsMatch(text.AsSpan(when.Index, when.Length)) && day.AddDays(7) < today)
                {
                    return new DeedTime { SpanFirst = day, SpanLast = day.AddDays(7), Offered = [day.AddDays(7), day] };
                }

                // 12月1号轮到我值班, said in late November: the coming 1 December, not last year's.
                // Said with 了 (报名了) it is still the coming one: a deed from eleven months ago is
                // not what a member reports without saying the year.
                if (when.Timex.StartsWith("XXXX-", StringComparison.Ordinal) && day.AddYears(1) is var next && next > today && next.DayNumber - today.DayNumber <= 31
                    && (!Done().IsMatch(text) || today.DayNumber - day.DayNumber > 300))
                {
                    return new DeedTime { Day = next };
                }

                return new DeedTime { Day = day };
            case DateTimeResolutionKind.DateTime:
            case DateTimeResolutionKind.Time:
                return new DeedTime { Day = day, Time = TimeOnly.FromDateTime(start.DateTime) };
            case DateTimeResolutionKind.DateTimeRange:
            case DateTimeResolutionKind.TimeRange:
                return PartOf(when.Timex, text, when) is { } part
                    ? new DeedTime { Day = day, Part = part }
                    : new DeedTime { Day = day, Time = TimeOnly.FromDateTime(start.DateTime) };
            default:
                var last = when.End is { } end ? DateOnly.FromDateTime(end.DateTime).AddDays(-1) : day;
                return last <= day ? new DeedTime { Day = day } : Span(day, last, today);
        }
    }

    /// <summary>
    /// The day an answer to "which day?" names, placed in <paramref name="span"/> when it names
    /// only a day of the month (15号 after 上个月); null when the answer is not a single day.
    /// </summary>
    /// <param name="answer">What the date prompt recognized.</param>
    /// <param name="span">The span the member said first, or null.</param>
    /// <returns>The day and what else was said of the time, or null.</returns>
    public static DeedTime? ReadAnswer(DateTimeResolution answer, DeedTime? span)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var read = Read(answer, string.Empty, DateOnly.MaxValue);
        if (read?.Day is not { } day)
        {
            return null;
        }

        if (span is { SpanFirst: { } first, SpanLast: { } last } && (day < first || day > last)
            && DayOfMonthOnly().Match(answer.Timex) is { Success: true } dom)
        {
            var dayOfMonth = int.Parse(dom.Groups["d"].Value, CultureInfo.InvariantCulture);
            for (var month = new DateOnly(last.Year, last.Month, 1); month >= new DateOnly(first.Year, first.Month, 1); month = month.AddMonths(-1))
            {
                if (dayOfMonth <= DateTime.DaysInMonth(month.Year, month.Month) && month.AddDays(dayOfMonth - 1) is var inSpan && inSpan >= first && inSpan <= last)
                {
                    return read with { Day = inSpan };
                }
            }
        }

        return read;
    }

    private static DeedTime Span(DateOnly first, DateOnly last, DateOnly today)
    {
        if (first > today)
        {
            // Wholly in the future: the first day makes the date check say so.
            return new DeedTime { Day = first };
        }

        last = last > today ? today : last;
        var count = last.DayNumber - first.DayNumber + 1;
        var offered = count <= MaxOfferedDays
            ? Enumerable.Range(0, count).Select(i => last.AddDays(-i)).ToList()
            : [];
        return new DeedTime { SpanFirst = first, SpanLast = last, Offered = offered };
    }

    private static DayPart? PartOf(string timex, string text, DateTimeResolution when)
    {
        var said = text.Length >= when.Index + when.Length ? text.Substring(when.Index, when.Length) : string.Empty;
        if (said.Contains("中午", StringComparison.Ordinal) || said.Contains("noon", StringComparison.OrdinalIgnoreCase))
        {
            return DayPart.Noon;
        }

        return PartTimex().Match(timex ?? string.Empty) is { Success: true } part
            ? part.Groups["p"].Value switch
            {
                "MO" => DayPart.Morning,
                "MI" => DayPart.Noon,
                "AF" => DayPart.Afternoon,
                "EV" => DayPart.Evening,
                "NI" => DayPart.Night,
                _ => null,
            }
            : null;
    }

    [GeneratedRegex(@"T(?<p>MO|MI|AF|EV|NI|DT)(?![0-9])")]
    private static partial Regex PartTimex();

    [GeneratedRegex(@"^(?:周|星期|礼拜)[一二三四五六日天1-7]$")]
    private static partial Regex BareWeekday();

    [GeneratedRegex(@"了|过|完|好了|咗|\b(?:did|was|were|went|\w+ed)\b")]
    private static partial Regex Done();

    [GeneratedRegex(@"^\s*(?:上午|下午|晚上|早上)?\s*(?:去|要|会|得|打算|准备|计划|想|轮到|还要|就要)")]
    private static partial Regex Planned();

    [GeneratedRegex(@"\b(?:i'll|we'll|i will|we will|going to|gonna)\b|打算|准备去|将要|要去", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FutureWords();

    // 主题党日还没开，能不能提前把分加上: a deed not held yet, claimed in advance, is still to come,
    // whatever else was done (hasn't started is no deed done).
    [GeneratedRegex(@"还没(?:开|开始|到|举行|搞|办|上)(?![完过好])|(?:尚未|还未)(?:开始|举行|召开)|提前(?:把|给|申报|报|记|加|登记)|\b(?:hasn't|has not|haven't|not yet) (?:started|begun|happened|been held)\b|\bin advance\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NotYet();

    [GeneratedRegex(@"^last (?:mon|tues|wednes|thurs|fri|satur|sun)day$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LastWeekday();

    [GeneratedRegex(@"^XXXX-XX-(?<d>\d\d)$")]
    private static partial Regex DayOfMonthOnly();

    // Said instead of a day: 前几天, 前些天, 这几天, 最近, 前阵子, 前段时间, 那天, 之前, the other day, recently;
    // 上礼拜 alone, but not 上礼拜三, which is a day; and a habit (入冬以来, 一直, 天天, every day),
    // which names no day either.
    [GeneratedRegex(@"(?<today>这几天|这两天|these days|以来|一直|(?<![昨今前明后每])天天|每天|经常|常年|长期|every day|every morning|all winter|always)|(?<recent>月初|月中|月底|月末|上旬|中旬|下旬|年初|前段日子|(?:上个?|这个?)(?:礼拜|星期)(?![一二三四五六日天1-7])|前几天|前些天|前两天|前些日子|最近|近来|前阵子|前一阵|前段时间|之前|那天|有一天|上次|the other day|recently|a few days ago|few days back|some days ago|earlier this week)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex VagueWords();
}

using System.Text;
using System.Text.RegularExpressions;
using ChatReport.Conversation.Domain;
using ChatReport.Conversation.Understanding;
using ChatReport.Dialogs.Localization;
using ChatReport.Dialogs.Recognition;
using Microsoft.Recognizers.Text;

namespace ChatReport.Conversation.Claims;

/// <summary>
/// Reads a one-sentence report (昨天下午在村口带头扫雪两个小时): when (relative to the user's
/// local now), where (a 在…/于… or at/in … phrase before the verb), what, which bonus rules its
/// keywords name, and any explicit points. Heuristics, tested against a table of real phrasings.
/// </summary>
public static partial class DeedSentenceParser
{
    // Verbs that make a dated message read as a deed told without 申报.
    private static readonly string[] ChineseVerbs =
    [
        "带头", "带领", "帮助", "帮忙", "帮", "给", "为", "替", "义务", "参加", "参与", "扫", "铲", "清理", "清扫", "打扫", "捡", "值班", "做", "搞",
        "开展", "举办", "组织", "看望", "探望", "慰问", "照顾", "陪", "调解", "劳动", "修", "种", "理发", "剪", "站岗", "执勤", "巡逻", "宣传", "值",
        "讲", "学习", "听", "开会", "发放", "搬", "送", "维护", "跟", "同", "与", "上门", "当", "担任", "志愿", "献", "捐", "收拾", "整理",
        "疏通", "除", "认领", "完成", "进行", "召开", "参观", "植", "栽", "服务", "免费", "坐", "值守", "接待", "代办", "办理", "巡", "了", "的时候", "时",
    ];

    /// <summary>Parses <paramref name="sentence"/>.</summary>
    /// <param name="sentence">The sentence, as the user wrote it (any width, either script).</param>
    /// <param name="rules">The active rules; only bonus rules are matched.</param>
    /// <param name="locale">The user's locale: reply language and time zone.</param>
    /// <param name="now">The current instant.</param>
    /// <param name="learned">The branch's learned words, or null.</param>
    /// <returns>What was found.</returns>
    public static ParsedDeed Parse(string sentence, IReadOnlyList<PointRule> rules, UserLocale locale, DateTimeOffset now, IReadOnlyList<LearnedWord>? learned = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(locale);
        var text = Spoken(TextNormalizer.Normalize(sentence ?? string.Empty));

        // Points first, so that 二十分 is never read as a time of day.
        var (points, pointsMatch) = FindPoints(text);
        var rest = Blank(text, pointsMatch?.Index ?? 0, pointsMatch?.Length ?? 0);

        // A day beats a span said beside it: 这周的一善：昨天… is yesterday.
        // 本周一善 is no Monday, 种了三十棵 no 30th: deed words and bare counts are not dates.
        var found = DateTimeRecognition.Recognize(DateBlind(rest), locale, now, DateTimePreference.Past)
            .Where(r => r.Kind != DateTimeResolutionKind.Duration && !IsBareCount(rest, r))
            .ToList();
        // 昨儿个半夜下老大雪了 今儿一早…整干净了, after last night's snowfall: the day it snowed is not
        // the day of the deed, when another day is named for that.
        found = ExceptUnlessAll(found, r => WeatherAfter(rest, r, found));

        // 不是昨天，是前天; 昨天，不对，前天: the day taken back is not the deed's.
        found = ExceptUnlessAll(found, r => TakenBack(rest, r, found));

        var when = found.FirstOrDefault(r => r.Kind is DateTimeResolutionKind.Date or DateTimeResolutionKind.DateTime or DateTimeResolutionKind.DateTimeRange && r.Timex is not ("PRESENT_REF" or "PAST_REF" or "FUTURE_REF"))
            ?? found.FirstOrDefault();
        if (when is not null)
        {
            rest = Blank(rest, when.Index, when.Length);
        }

        // 昨儿夜里雪下大了，今天早上…铲: two days named, and which one the deed was is not for a rule to guess.
        // Only days count: 今天…算本周的一善 names a day and the week it is in, not two days.
        var days = found.Where(r => r.Start is not null && r.Kind is DateTimeResolutionKind.Date or DateTimeResolutionKind.DateTime or DateTimeResolutionKind.DateTimeRange
                && OneDay().IsMatch(r.Timex)).Select(r => DateOnly.FromDateTime(r.Start!.Value.DateTime)).Distinct().Count();
        var time = days > 1 ? null : DeedTimeReader.Read(when, text, locale.LocalDate(now));
        var place = AsWritten(sentence ?? string.Empty, DeedPlaceReader.Read(rest));
        var what = Tidy(rest);
        var match = RuleMatcher.Match(text, rules, learned);
        return new ParsedDeed(
            when,
            place,
            what.Length > 0 ? what : Tidy(text),
            Offered(match),
            points,
            time,
            match,
            SentenceWords.Of(rest).ContentWords());
    }

    /// <summary>
    /// The bonus rules <paramref name="text"/> is about: the one rule when sure, the close ones best
    /// first when unsure, none when nothing points at a rule (see <see cref="RuleMatcher"/>).
    /// </summary>
    /// <param name="text">The text, in any form.</param>
    /// <param name="rules">The rules to look at.</param>
    /// <returns>The matching rules, best first; empty when none.</returns>
    public static IReadOnlyList<PointRule> MatchRules(string text, IReadOnlyList<PointRule> rules) =>
        Offered(RuleMatcher.Match(text, rules));

    /// <summary>
    /// True when <paramref name="text"/> reads like a deed told without 申报: it names a bonus
    /// rule's keyword, or has a date and a verb.
    /// </summary>
    /// <param name="text">The message.</param>
    /// <param name="rules">The active rules.</param>
    /// <param name="locale">The user's locale.</param>
    /// <param name="now">The current instant.</param>
    /// <returns>Whether to start a report with it.</returns>
    public static bool LooksLikeDeed(string text, IReadOnlyList<PointRule> rules, UserLocale locale, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        if (MessageIntentReader.Read(text, rules) != MessageIntent.None)
        {
            return false;
        }

        if (MatchRules(text, rules).Count > 0)
        {
            return true;
        }

        var normalized = TextNormalizer.Normalize(text);
        var hasVerb = ChineseVerbs.Any(v => v.Length > 0 && v != "了" && normalized.Contains(v, StringComparison.Ordinal))
            || EnglishVerb().IsMatch(normalized);
        return hasVerb && DateTimeRecognition.Recognize(normalized, locale, now, DateTimePreference.Past).Any(r => r.Kind != DateTimeResolutionKind.Duration);
    }

    // Words the recognizers would read as days, changed for them only: 本周一善 is no Monday, and
    // 这礼拜天天 (every day this week) no Sunday.
    private static string DateBlind(string text) =>
        text.Replace("一善", "  ", StringComparison.Ordinal).Replace("天天", "每天", StringComparison.Ordinal);

    // Days that are not the deed's are dropped only when another day is left to be the deed's.
    private static List<DateTimeResolution> ExceptUnlessAll(List<DateTimeResolution> found, Func<DateTimeResolution, bool> notTheDeeds)
    {
        var dropped = found.Where(notTheDeeds).ToList();
        return dropped.Count > 0 && dropped.Count < found.Count ? [.. found.Except(dropped)] : found;
    }

    // The words after a day, up to the end of its clause or the next day named, tell of the weather.
    private static bool WeatherAfter(string text, DateTimeResolution day, List<DateTimeResolution> found)
    {
        var start = Math.Min(text.Length, day.Index + day.Length);
        var next = found.Where(r => r.Index >= start).Select(r => r.Index).DefaultIfEmpty(text.Length).Min();
        var end = text.IndexOfAny([',', '，', '。', ';', '；', '!', '！', ' '], start) is var stop and >= 0 && TextNormalizer.ContainsCjk(text) ? Math.Min(stop, next) : next;
        var after = text[start..Math.Max(start, end)];
        return Weather().IsMatch(after) && !Deed().IsMatch(after);
    }

    // The place in the member's own script and case (陳伯伯家, Xinhua Road): it was read from the
    // normalized text, which keeps every character where it was.
    private static string? AsWritten(string sentence, string? place)
    {
        if (place is null)
        {
            return null;
        }

        var normalized = TextNormalizer.Normalize(sentence);
        var at = normalized.IndexOf(place, StringComparison.Ordinal);
        return at >= 0 && normalized.Length == sentence.Length ? sentence.Substring(at, place.Length) : place;
    }

    // A day said and taken back: after 不是/并非/not, or before 不对/说错了/哦不/I mean with another day after.
    private static bool TakenBack(string text, DateTimeResolution day, List<DateTimeResolution> found)
    {
        var end = Math.Min(text.Length, day.Index + day.Length);
        var next = found.Where(r => r.Index >= end).Select(r => r.Index).DefaultIfEmpty(-1).Max();
        if (next < 0)
        {
            return false;
        }

        return Denied().IsMatch(text.AsSpan(0, Math.Min(day.Index, text.Length))) || Retracted().IsMatch(text.AsSpan(end, next - end));
    }

    // 种了三十棵, 理了二十个: a number alone, with no 号/日/月 or English ordinal, counts things.
    private static bool IsBareCount(string text, DateTimeResolution found) =>
        found.Index + found.Length <= text.Length && BareNumber().IsMatch(text.AsSpan(found.Index, found.Length));

    // Spoken and dialect words for days and parts of the day (昨儿个, 后晌, 上礼拜) in the forms the
    // recognizers know; otherwise 昨儿下午 is read as this afternoon.
    private static string Spoken(string text)
    {
        foreach (var (said, written) in SpokenDays)
        {
            text = text.Replace(said, written, StringComparison.Ordinal);
        }

        // 11.22, 11-17, 11/20 in a Chinese message are a month and a day (English ones the
        // recognizers read themselves); 这月十六 is the 16th.
        if (!TextNormalizer.ContainsCjk(text))
        {
            return text;
        }

        // 夜来 is Shandong's yesterday, but not the 夜来 of 半夜来了.
        text = Yesterday().Replace(text, "昨天");
        text = MonthDotDay().Replace(text, "${m}月${d}日");
        // 礼拜一晚开会 is Monday evening; 本月初三 the 3rd, 上月十六 the 16th of last month.
        text = DayEvening().Replace(text, "${d}晚上");
        text = LastMonthDay().Replace(text, "上个月${d}日");
        return ThisMonthDay().Replace(text, "本月${d}日");
    }

    // 上礼拜三 is a day; the recognizers read 上星期 as a whole week and leave the 三, so the
    // week words become 周 first.
    private static readonly (string Said, string Written)[] SpokenDays =
    [
        ("昨儿个", "昨天"), ("夜儿个", "昨天"), ("昨个", "昨天"), ("昨儿", "昨天"), ("昨日", "昨天"), ("今儿个", "今天"), ("今儿", "今天"),
        ("前儿个", "前天"), ("前儿", "前天"), ("前日", "前天"), ("明儿个", "明天"), ("明儿", "明天"), ("后儿个", "后天"), ("后晌", "下午"), ("前晌", "上午"),
        // The recognizers read nothing at all in a message with 半夜 in it.
        ("头晌", "上午"), ("晚黑", "晚上"), ("半夜", "夜里"), ("朝晨", "早上"), ("早排", "前几天"),
        // Cantonese and Hakka: 琴日/寻日 yesterday, 听日/天光日 tomorrow, 今晡日/昨晡日 today/yesterday, 今朝 this morning.
        ("今晡日", "今天"), ("昨晡日", "昨天"), ("前晡日", "前天"), ("琴日", "昨天"), ("寻日", "昨天"), ("听日", "明天"), ("天光日", "明天"), ("今朝", "今天早上"),
        ("琴晚", "昨天晚上"), ("寻晚", "昨天晚上"), ("噖日", "昨天"), ("噖晚", "昨天晚上"),
        // Shaanxi 夜个 and Minnan 昨昏 are yesterday, Minnan 今仔日 today; Wu 上半日/下半日 morning and afternoon.
        ("夜个", "昨天"), ("夜儿", "昨天"), ("昨昏", "昨天"), ("昨暗", "昨天晚上"), ("今仔日", "今天"), ("上半日", "上午"), ("下半日", "下午"),
        ("晌午", "中午"), ("上上个礼拜", "上上周"), ("上上礼拜", "上上周"), ("上个礼拜", "上周"), ("上礼拜", "上周"), ("上上个星期", "上上周"),
        ("上个星期", "上周"), ("上星期", "上周"), ("这个礼拜", "这周"), ("这礼拜", "这周"), ("这个星期", "这周"), ("礼拜", "星期"),
    ];

    private static IReadOnlyList<PointRule> Offered(RuleMatch match) => match.Confidence switch
    {
        RuleConfidence.Sure or RuleConfidence.Unsure => [.. match.Candidates.Select(c => c.Rule)],
        _ => [],
    };

    private static (int? Points, Match? Match) FindPoints(string text)
    {
        var chinese = ChinesePoints().Match(text);
        if (chinese.Success)
        {
            var digits = chinese.Groups["n"].Value;
            var value = int.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parsed)
                ? parsed
                : NumberRecognition.Recognize(digits, [Culture.Chinese]) is [var number] && number.Value == decimal.Truncate(number.Value) && number.Value <= int.MaxValue
                    ? (int)number.Value
                    : (int?)null;
            if (value is not null)
            {
                return (value, chinese);
            }
        }

        var english = EnglishPoints().Match(text);
        return english.Success
            ? (int.Parse(english.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture), english)
            : (null, null);
    }

    private static string Blank(string text, int index, int length) =>
        length <= 0 ? text : string.Concat(text.AsSpan(0, index), new string(' ', length), text.AsSpan(index + length));

    private static string Tidy(string text)
    {
        var builder = new StringBuilder(text.Length);
        var lastSpace = false;
        foreach (var c in text.Trim())
        {
            var space = char.IsWhiteSpace(c);
            if (!space || !lastSpace)
            {
                builder.Append(space ? ' ' : c);
            }

            lastSpace = space;
        }

        return builder.ToString().Trim(' ', ',', '，', '。', '.', '、', '!', '！');
    }

    // Not after 点/时/: (3点20分 is a time) nor before 钟/之 (二十分钟, 百分之百).
    [GeneratedRegex(@"(?<![点时:0-9零一二两三四五六七八九十百])(?:加|得|记|计|申请|申报|报)?(?<n>[0-9]{1,4}|[零一二两三四五六七八九十百]{1,5})\s*个?积?分(?![钟之钱钿]|洋钿|铜钿|没|不要|不收|都没|也没|也不|也勿|都不)")]
    private static partial Regex ChinesePoints();

    // Not 1.5个小时 or 3.5斤: only a month and a day that stand alone, before a space or a word.
    // 早上8.30 is half past eight.
    [GeneratedRegex(@"(?<![0-9.:\-/])(?<!(?:早上|上午|中午|下午|傍晚|晚上|凌晨|早|晚)\s*)(?<m>1[0-2]|0?[1-9])[.\-/](?<d>3[01]|[12][0-9]|0?[1-9])(?![0-9.:\-/%]|\s*(?:个|元|块|斤|公斤|米|里|公里|小时|天|人|次|分|吨|亩|号|日))")]
    private static partial Regex MonthDotDay();

    [GeneratedRegex(@"(?<d>(?:星期|周)[一二三四五六日天]|昨天|前天|今天)晚(?![上饭会班点些])")]
    private static partial Regex DayEvening();

    [GeneratedRegex(@"上个?月初?(?<d>[0-9]{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])(?![0-9一二三四五六七八九十号日]|个)")]
    private static partial Regex LastMonthDay();

    [GeneratedRegex(@"(?:这个?月|本月)初?(?<d>[0-9]{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])(?![0-9一二三四五六七八九十号日]|个)")]
    private static partial Regex ThisMonthDay();

    [GeneratedRegex(@"下(?!午)了?[^,，。 雪扫铲清除推]{0,3}雪|雪下|雪停|下(?:了)?(?:一?场)?(?:大|小|暴)?雨|结冰|冻住|冻上|\bsnow(?:fall|ed|storm)\b|\bit snowed\b|\bfroze\b|\bstorm\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Weather();

    [GeneratedRegex(@"扫|铲|清|除|推|撒|刨|\b(?:shovel|clear|swept|sweep|salt|grit)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Deed();

    [GeneratedRegex(@"(?<![半深昨今前当入])夜来(?!了)")]
    private static partial Regex Yesterday();

    [GeneratedRegex(@"(?:不是|并非|不系|唔系|\bnot|\bnot on)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Denied();

    [GeneratedRegex(@"^[,，。 ]*(?:不对|说错了|记错了|搞错了|哦不|噢不|唔系|不是|应该是|\bsorry\b|\bi mean\b|\bno,|\bactually\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Retracted();

    [GeneratedRegex(@"^\s*[0-9零一二两三四五六七八九十百]+\s*$")]
    private static partial Regex BareNumber();

    [GeneratedRegex(@"^(?:[0-9]{4}|XXXX)-[0-9]{2}-[0-9]{2}(?:$|T)")]
    private static partial Regex OneDay();

    [GeneratedRegex(@"\b(?<n>[0-9]{1,4})\s*(?:points?|pts?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EnglishPoints();

    [GeneratedRegex(@"\b(?:helped|cleaned|cleared|visited|attended|swept|volunteered|did|worked|gave|organi[sz]ed|took part)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EnglishVerb();
}

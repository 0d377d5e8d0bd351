using System.Globalization;
using ChatReport.Conversation.Claims;
using ChatReport.Conversation.Domain;
using ChatReport.Conversation.Tests.Claims;
using ChatReport.Conversation.Understanding;
using ChatReport.Dialogs.Localization;

namespace ChatReport.Conversation.Tests.Understanding;

/// <summary>
/// Sentences as members type them (simplified, traditional, English), each with what the bot
/// must make of it, read the way the report dialog reads them: a question or a deduction is
/// answered; a span of days asks which day; a future date is refused; one clear rule is proposed
/// with its date, points and place; anything else asks for the rule. A wrong claim (a rule, date
/// or points proposed as if sure, but wrong) must never happen; accuracy has a floor per language,
/// on the held-out sentences as on those the lexicon was tuned against.
/// </summary>
public sealed class SentenceTableTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.FromHours(8));
    private static readonly TimeZoneInfo Shanghai = UserLocale.FindTimeZone(UserLocale.DefaultTimeZoneId);

    // Floors a little under what was measured, so a regression shows and noise does not.
    private static readonly Dictionary<(string Set, string Language), double> Floors = new()
    {
        [("held-out", "zh")] = 0.95,
        [("held-out", "zht")] = 0.95,
        [("held-out", "en")] = 0.95,
        // Written by someone who never saw the lexicon, run once after tuning; its misses were read
        // in the fourth round, so it is seen now (see README).
        [("held-out 2", "zh")] = 0.93,
        // Blood donation asks since the third set (its writer and this one disagreed): two misses in 25.
        [("held-out 2", "zht")] = 0.90,
        [("held-out 2", "en")] = 0.93,
        // Third blind set: 22 wrong claims on its first run; its misses were then fixed class by class,
        // so it is seen now (see README).
        [("held-out 3", "zh")] = 0.85,
        [("held-out 3", "zht")] = 0.90,
        [("held-out 3", "en")] = 0.80,
        // Fourth blind set: 17 wrong claims and a crash on its one blind run (see its header); seen since.
        [("held-out 4", "zh")] = 0.92,
        [("held-out 4", "zht")] = 0.90,
        [("held-out 4", "en")] = 0.93,
        // Fifth blind set: 6 wrong claims on its one blind run (see its header); its classes fixed since.
        [("held-out 5", "zh")] = 0.95,
        [("held-out 5", "zht")] = 0.90,
        [("held-out 5", "en")] = 0.95,
        // Sixth blind set: 5 wrong claims and a crash on its one blind run (see its header); its classes fixed since.
        [("held-out 6", "zh")] = 0.95,
        [("held-out 6", "zht")] = 0.93,
        [("held-out 6", "en")] = 0.93,
        [("tuning", "zh")] = 0.97,
        [("tuning", "zht")] = 0.97,
        [("tuning", "en")] = 0.97,
    };

    [Fact]
    public void NoSentenceYieldsAWrongClaimAndEachLanguageMeetsItsFloor()
    {
        var rows = Load("HeldOutSentences.tsv", "held-out").Concat(Load("TuningSentences.tsv", "tuning")).ToList();
        Assert.True(rows.Count >= 300, $"the table has {rows.Count} sentences");
        rows.AddRange(Load("HeldOutSentences2.tsv", "held-out 2"));
        rows.AddRange(Load("HeldOutSentences3.tsv", "held-out 3"));
        rows.AddRange(Load("HeldOutSentences4.tsv", "held-out 4"));
        rows.AddRange(Load("HeldOutSentences5.tsv", "held-out 5"));
        rows.AddRange(Load("HeldOutSentences6.tsv", "held-out 6"));

        var results = rows.Select(r => (Row: r, Got: Read(r.Sentence))).Select(x => (x.Row, x.Got, Verdict: Judge(x.Row.Expected, x.Got))).ToList();
        var output = TestContext.Current.TestOutputHelper;
        foreach (var group in results.GroupBy(r => (r.Row.Set, r.Row.Language)).OrderBy(g => g.Key.Set, StringComparer.Ordinal).ThenBy(g => g.Key.Language, StringComparer.Ordinal))
        {
            var right = group.Count(r => r.Verdict == Verdict.Right);
            output?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{group.Key.Set} {group.Key.Language}: {right}/{group.Count()} right ({100.0 * right / group.Count():0.0} %), {group.Count(r => r.Verdict == Verdict.WrongClaim)} wrong claims"));
        }

        foreach (var miss in results.Where(r => r.Verdict != Verdict.Right))
        {
            output?.WriteLine($"{miss.Verdict}: [{miss.Row.Set} {miss.Row.Language}] {miss.Row.Sentence} — expected {miss.Row.Expected}, got {miss.Got}");
        }

        Assert.Empty(results.Where(r => r.Verdict == Verdict.WrongClaim).Select(r => $"{r.Row.Sentence}: expected {r.Row.Expected}, got {r.Got}"));
        foreach (var group in results.GroupBy(r => (r.Row.Set, r.Row.Language)))
        {
            var accuracy = (double)group.Count(r => r.Verdict == Verdict.Right) / group.Count();
            Assert.True(accuracy >= Floors[group.Key], string.Create(CultureInfo.InvariantCulture, $"{group.Key}: {accuracy:P1} is under the floor of {Floors[group.Key]:P0}"));
        }
    }

    [Fact]
    public void EveryBonusRuleHasAtLeastFifteenSentencesAcrossTheThreeScripts()
    {
        var rows = Load("HeldOutSentences.tsv", "held-out").Concat(Load("TuningSentences.tsv", "tuning")).ToList();
        foreach (var rule in DefaultRules.All.Where(r => r.Kind == RuleKind.Bonus))
        {
            var theirs = rows.Where(r => r.Expected.StartsWith($"claim {rule.Code} ", StringComparison.Ordinal)).ToList();
            Assert.True(theirs.Count >= 15, $"{rule.Code} has {theirs.Count} sentences");
            Assert.Equal(["en", "zh", "zht"], theirs.Select(r => r.Language).Distinct().Order(StringComparer.Ordinal));
        }
    }

    // What the report dialog makes of a first message, in the order it asks.
    internal static string Read(string sentence)
    {
        var rules = DefaultRules.All;
        var locale = UserLocale.FromText(sentence) == ReplyLanguage.English ? UserLocale.English(Shanghai) : UserLocale.Chinese(Shanghai);
        switch (MessageIntentReader.Read(sentence, rules))
        {
            case MessageIntent.None:
                break;
            case MessageIntent.Deduction or MessageIntent.Complaint:
                return "deduction";
            default:
                return "question";
        }

        var parsed = DeedSentenceParser.Parse(sentence, rules, locale, Now);
        var today = locale.LocalDate(Now);
        if (parsed.Time is { IsDay: false })
        {
            return "ask-day";
        }

        if (parsed.Time is { Day: { } day } time && (day > today || (day == today && IsLater(time))))
        {
            return "future";
        }

        var date = parsed.Time?.Day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "none";
        if (parsed.Match?.Rule is not { } rule)
        {
            return $"ask-rule {date} [{string.Join(',', parsed.Rules.Select(r => r.Code))}]";
        }

        return $"claim {rule.Code} {date} points={parsed.Points ?? rule.DefaultPoints}" + (parsed.Place is { } place ? $" place={place}" : string.Empty);
    }

    private static bool IsLater(DeedTime time)
    {
        var local = Now.ToOffset(TimeSpan.FromHours(8)).TimeOfDay;
        var start = time.Time?.ToTimeSpan() ?? time.Part switch
        {
            DayPart.Morning => TimeSpan.FromHours(8),
            DayPart.Noon or DayPart.Afternoon => TimeSpan.FromHours(12),
            DayPart.Evening => TimeSpan.FromHours(16),
            DayPart.Night => TimeSpan.FromHours(20),
            _ => TimeSpan.Zero,
        };
        return start > local;
    }

    private static Verdict Judge(string expected, string got)
    {
        var want = expected.Split(' ');
        var have = got.Split(' ');
        var isClaim = have[0] == "claim";
        switch (want[0])
        {
            case "claim":
                if (!isClaim)
                {
                    return Verdict.Missed;
                }

                var points = Option(want, "points");
                var place = Option(want, "place");
                var wrong = have[1] != want[1]
                    || (want[2] != "none" && have[2] != "none" && have[2] != want[2])
                    || (points is not null && Option(have, "points") != points);
                if (wrong)
                {
                    return Verdict.WrongClaim;
                }

                return have[2] == want[2] && (place is null || SamePlace(Option(have, "place"), place)) ? Verdict.Right : Verdict.Missed;
            case "ask-rule":
                return isClaim ? Verdict.WrongClaim : have[0] == "ask-rule" && (want.Length < 2 || have[1] == want[1]) ? Verdict.Right : Verdict.Missed;
            case "ask-day":
                // Any day filled from a span is a silent day.
                return isClaim || (have[0] == "ask-rule" && have[1] != "none") ? Verdict.WrongClaim : have[0] == "ask-day" ? Verdict.Right : Verdict.Missed;
            default:
                return isClaim ? Verdict.WrongClaim : have[0] == want[0] ? Verdict.Right : Verdict.Missed;
        }
    }

    // 河邊 and 河边, "the square" and "square" name the same place.
    private static bool SamePlace(string? got, string wanted) =>
        got is not null && ChatReport.Dialogs.Recognition.TextNormalizer.Normalize(got).Replace("the ", "", StringComparison.Ordinal) == ChatReport.Dialogs.Recognition.TextNormalizer.Normalize(wanted).Replace("the ", "", StringComparison.Ordinal);

    // A place is the last option and may hold spaces ("place=Xinhua Road"): it runs to the end.
    private static string? Option(string[] parts, string name) =>
        parts.Select((p, i) => (p, i)).FirstOrDefault(x => x.p.StartsWith(name + "=", StringComparison.Ordinal)) is { p: { } part } found
            ? name == "place" ? string.Join(' ', parts[found.i..])[(name.Length + 1)..] : part[(name.Length + 1)..]
            : null;

    private static List<Row> Load(string file, string set)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        var relative = Path.Combine("tests", "ChatReport.Conversation.Tests", "Understanding", file);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, relative)))
        {
            directory = directory.Parent;
        }

        Assert.NotNull(directory);
        return [.. File.ReadAllLines(Path.Combine(directory.FullName, relative))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t'))
            .Select(cells => new Row(set, cells[0], cells[1], cells[2]))];
    }

    private enum Verdict
    {
        Right,
        Missed,
        WrongClaim,
    }

    private sealed record Row(string Set, string Language, string Sentence, string Expected);
}

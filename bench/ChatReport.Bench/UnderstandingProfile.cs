using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ChatReport.Conversation.Claims;
using ChatReport.Conversation.Domain;
using ChatReport.Conversation.Understanding;
using ChatReport.Dialogs.Localization;
using ChatReport.Dialogs.Recognition;

namespace ChatReport.Bench;

/// <summary>
/// The pure work a member turn does on its text, in process, without HTTP or a database: each
/// call the dialogs make on the member flow's sentences, timed on one thread (µs per call, after 2 s of warm-up so the JIT's optimised tier runs)
/// with the bytes it allocates. Shows what a turn costs before any SQLite work, i.e. what the
/// group commit's writer would spend on it if it ran inside the unit.
/// </summary>
internal static class UnderstandingProfile
{
    private const string Sentence = "申报 昨天下午在村口带头扫雪两个小时";
    private const string Deed = "昨天下午在村口带头扫雪两个小时";

    public static int Run(BenchArgs args)
    {
        var iterations = args.Int("--iterations", 2000);
        var rules = ReadRules(args.Text("--rules", "bot/rules.default.json"));
        var locale = UserLocale.Chinese(UserLocale.FindTimeZone(UserLocale.DefaultTimeZoneId));
        var now = DateTimeOffset.UtcNow;
        var fresh = 0;
        // A text never seen before (a tag of heavenly stems that changes nothing the parser finds), so
        // nothing remembered helps: what a real turn with its own sentence pays.
        string Fresh(string text) => text + " 备注" + MemberFlow.Letters(++fresh);
        var cases = new (string Name, Action Call)[]
        {
            ("DeedSentenceParser.Parse, new sentence each call", () => DeedSentenceParser.Parse(Fresh(Deed), rules, locale, now)),
            ("DateTimeRecognition.Recognize, new sentence each call", () => DateTimeRecognition.Recognize(Fresh(Deed), locale, now, DateTimePreference.Past)),
            ("RuleMatcher.Match, new sentence each call", () => RuleMatcher.Match(Fresh(Deed), rules)),
            ("DeedSentenceParser.Parse (申报 turn)", () => DeedSentenceParser.Parse(Deed, rules, locale, now)),
            ("DeedSentenceParser.LooksLikeDeed", () => DeedSentenceParser.LooksLikeDeed(Sentence, rules, locale, now)),
            ("MessageIntentReader.Read", () => MessageIntentReader.Read(Sentence, rules)),
            ("RuleMatcher.Match", () => RuleMatcher.Match(Deed, rules)),
            ("DateTimeRecognition.Recognize", () => DateTimeRecognition.Recognize(Deed, locale, now, DateTimePreference.Past)),
            ("NumberRecognition.Recognize 两", () => NumberRecognition.Recognize("两", [locale.RecognitionCultures[0]])),
            ("WordSegmenter.Cut", () => WordSegmenter.Cut(Deed)),
            ("SentenceWords.Of", () => SentenceWords.Of(Deed)),
            ("ConfirmRecognition 是", () => ConfirmRecognition.Recognize("是")),
            ("ChoiceRecognition 提交", () => ChoiceRecognition.Recognize("提交", [new Choice("submit") { Synonyms = ["提交"] }, new Choice("change"), new Choice("cancel")])),
            ("ChoiceRecognition 第二个 (ordinal)", () => ChoiceRecognition.Recognize("第二个", [new Choice("a"), new Choice("b"), new Choice("c")])),
        };

        Console.WriteLine($"Understanding profile: {iterations} calls each after 2 s of warm-up calls, one thread, {rules.Count} rules, load average {Compare.LoadAverage()}");
        Console.WriteLine();
        Console.WriteLine("| call | first call ms | µs per call | KiB allocated per call |");
        Console.WriteLine("|---|---:|---:|---:|");
        var only = args.Text("--only", string.Empty);
        foreach (var (name, call) in cases.Where(c => c.Name.Contains(only, StringComparison.Ordinal)))
        {
            var first = Stopwatch.StartNew();
            call();
            var firstMs = first.Elapsed.TotalMilliseconds;
            // Tiered JIT: Recognizers.Text's code reaches its optimised tier only after a while.
            var warm = Stopwatch.StartNew();
            for (var i = 0; i < 50 || warm.Elapsed < TimeSpan.FromSeconds(2); i++)
            {
                call();
            }

            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < iterations; i++)
            {
                call();
            }

            var micros = clock.Elapsed.TotalMicroseconds / iterations;
            var kib = (GC.GetAllocatedBytesForCurrentThread() - allocated) / 1024.0 / iterations;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {firstMs:F1} | {micros:F1} | {kib:F1} |"));
        }

        return 0;
    }

    private static List<PointRule> ReadRules(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var rules = new List<PointRule>();
        var id = 0L;
        foreach (var rule in document.RootElement.GetProperty("rules").EnumerateArray())
        {
            var lexicon = rule.TryGetProperty("lexicon", out var words)
                ? new RuleLexicon(Strings(words, "actions"), Strings(words, "objects"), Strings(words, "beneficiaries"))
                : null;
            rules.Add(new PointRule(
                ++id,
                rule.GetProperty("code").GetString()!,
                rule.GetProperty("name_zh").GetString()!,
                rule.GetProperty("name_en").GetString()!,
                Enum.Parse<RuleKind>(rule.GetProperty("kind").GetString()!, ignoreCase: true),
                rule.GetProperty("default_points").GetInt32(),
                null,
                null,
                Strings(rule, "keywords"),
                true,
                1,
                DateTimeOffset.UnixEpoch,
                lexicon));
        }

        return rules;
    }

    private static string[] Strings(JsonElement element, string name) =>
        element.TryGetProperty(name, out var list) ? [.. list.EnumerateArray().Select(e => e.GetString()!)] : [];
}

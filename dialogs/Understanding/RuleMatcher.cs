using System.Globalization;
using ChatReport.Dialogs.Domain;
using ChatReport.Dialogs.Recognition;

namespace ChatReport.Dialogs.Understanding;

/// <summary>
/// Weighs the evidence for each rule in a sentence and says how sure the best reading is. A
/// rule's keyword, or an action of its lexicon with one of its objects or beneficiaries (anywhere,
/// either order), is strong evidence; an object or a beneficiary alone is a hint; words the
/// branch's approved claims taught add to it. One rule well ahead is proposed; close ones are
/// asked about, best first; a sentence that tells of a deduction is not a claim.
/// </summary>
public static class RuleMatcher
{
    /// <summary>The score of a complete match: an action with its object.</summary>
    public const double Complete = 3.0;

    /// <summary>The lowest score proposed without asking.</summary>
    public const double SureAt = 2.5;

    /// <summary>How far ahead of the next rule a proposed rule must be.</summary>
    public const double Margin = 0.8;

    /// <summary>The lowest score worth offering as a button.</summary>
    public const double HintAt = 1.0;

    /// <summary>At most this many rules are offered when unsure.</summary>
    public const int MaxOffered = 3;

    private const double PerLearnedWord = 1.3;
    private const double MaxLearned = 2.6;

    // Words that turn a deed into its absence: 没扫雪, 没有去开会, didn't attend.
    private static readonly string[] ChineseNegations = ["没有", "没", "未", "不", "忘了", "忘记"];
    private static readonly string[] EnglishNegations = ["didn't", "did not", "not", "never", "forgot to", "missed"];

    private static readonly string[] PlaceSuffixes = ["上", "边", "里", "旁", "前", "后", "头", "口", "附近", "周围", "一带", "两旁", "沿线"];
    private static readonly string[] EnglishPlacePrepositions = [" at the", " on the", " in the", " along the", " near the", " by the", " at", " on", " in", " along", " near"];

    /// <summary>Reads which rule <paramref name="sentence"/> is about.</summary>
    /// <param name="sentence">The member's words.</param>
    /// <param name="rules">The active rules (base rules are ignored).</param>
    /// <param name="learned">The branch's learned words (only those backed by approved claims count).</param>
    /// <returns>The reading.</returns>
    public static RuleMatch Match(string sentence, IReadOnlyList<PointRule> rules, IReadOnlyList<LearnedWord>? learned = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        AddVocabulary(rules);
        var words = SentenceWords.Of(sentence ?? string.Empty);
        var backed = (learned ?? []).Where(w => w.ApprovedClaims > 0).ToList();
        var rulesPerWord = backed.GroupBy(w => w.Word, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(w => w.RuleId).Distinct().Count(), StringComparer.Ordinal);

        var bonus = new List<RuleCandidate>();
        var deductions = new List<RuleCandidate>();
        foreach (var rule in rules.Where(r => r.IsActive && r.Kind != RuleKind.Base))
        {
            var candidate = Score(words, rule, backed.Where(w => w.RuleId == rule.Id && words.HasContentWord(w.Word)).Select(w => w.Word), rulesPerWord);
            if (candidate is not null)
            {
                (rule.Kind == RuleKind.Bonus ? bonus : deductions).Add(candidate);
            }
        }

        bonus.Sort((a, b) => b.Score.CompareTo(a.Score));
        deductions.Sort((a, b) => b.Score.CompareTo(a.Score));
        var best = bonus.Count > 0 ? bonus[0].Score : 0;
        if (deductions.Count > 0 && deductions[0].Score >= SureAt && deductions[0].Score >= best)
        {
            return new RuleMatch(RuleConfidence.Deduction, [deductions[0]]);
        }

        if (best >= SureAt && (bonus.Count == 1 || best - bonus[1].Score >= Margin))
        {
            return new RuleMatch(RuleConfidence.Sure, [bonus[0]]);
        }

        var offered = bonus.Where(c => c.Score >= HintAt && c.Score >= best - 1.5).Take(MaxOffered).ToList();
        return offered.Count > 0 ? new RuleMatch(RuleConfidence.Unsure, offered) : RuleMatch.Nothing;
    }

    /// <summary>True when <paramref name="sentence"/> names something a rule knows (a keyword, an action, an object or a beneficiary).</summary>
    /// <param name="sentence">The member's words.</param>
    /// <param name="rules">The active rules.</param>
    /// <returns>Whether any rule's vocabulary occurs.</returns>
    public static bool MentionsDeedWords(string sentence, IReadOnlyList<PointRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        AddVocabulary(rules);
        var words = SentenceWords.Of(sentence ?? string.Empty);
        return rules.Where(r => r.IsActive && r.Kind == RuleKind.Bonus)
            .SelectMany(r => r.Keywords.Concat(r.Words.Actions).Concat(r.Words.Objects).Concat(r.Words.Beneficiaries))
            .Any(term => Occurs(words, Normal(term)));
    }

    private static RuleCandidate? Score(SentenceWords words, PointRule rule, IEnumerable<string> learned, Dictionary<string, int> rulesPerWord)
    {
        var keyword = rule.Keywords.Select(Normal).Where(k => Occurs(words, k)).OrderByDescending(k => k.Length).FirstOrDefault();
        var action = rule.Words.Actions.Select(Normal).Where(a => Occurs(words, a)).OrderByDescending(a => a.Length).FirstOrDefault();
        var thing = rule.Words.Objects.Select(Normal).Where(o => words.Find(o).Any(at => !IsPlace(words.Text, at, o.Length))).OrderByDescending(o => o.Length).FirstOrDefault();
        var person = rule.Words.Beneficiaries.Select(Normal).Where(b => words.Find(b).Count > 0).OrderByDescending(b => b.Length).FirstOrDefault();
        var taught = learned.ToList();

        var score = 0.0;
        var evidence = new List<string>();
        if (keyword is not null)
        {
            score = Math.Max(score, Complete + (0.05 * Math.Min(keyword.Length, 6)));
            evidence.Add("keyword " + keyword);
        }

        if (action is not null && thing is not null)
        {
            score = Math.Max(score, Complete);
            evidence.Add(action + "+" + thing);
        }
        else if (action is not null && person is not null)
        {
            score = Math.Max(score, Complete - 0.4);
            evidence.Add(action + "+" + person);
        }
        else
        {
            score = Math.Max(score, thing is not null ? 1.2 : person is not null ? 1.0 : action is not null ? 0.7 : 0);
            evidence.AddRange(new[] { action, thing, person }.OfType<string>());
        }

        // Each further kind of evidence (an object besides a keyword, a beneficiary besides an action and object) adds a little.
        var kinds = new[] { keyword, action, thing, person }.Count(k => k is not null);
        score += 0.15 * Math.Max(0, kinds - 2);

        if (taught.Count > 0)
        {
            var weight = taught.Sum(w => PerLearnedWord / rulesPerWord.GetValueOrDefault(w, 1));
            score += Math.Min(MaxLearned, weight);
            evidence.Add("learned " + string.Join('/', taught));
        }

        return score > 0 ? new RuleCandidate(rule, Math.Round(score, 2), string.Join(", ", evidence)) : null;
    }

    // 在路上, 到广场, 路边, on the road: where the deed was done, not what it was done to.
    private static bool IsPlace(string text, int at, int length)
    {
        var before = text[..at].TrimEnd();
        var after = text[(at + length)..].TrimStart();
        if (TextNormalizer.ContainsCjk(text.Substring(at, length)))
        {
            return (before.Length > 0 && "在到去从於于".Contains(before[^1], StringComparison.Ordinal))
                || PlaceSuffixes.Any(s => after.StartsWith(s, StringComparison.Ordinal));
        }

        return EnglishPlacePrepositions.Any(p => before.EndsWith(p, StringComparison.Ordinal));
    }

    // An action or keyword counts only when not negated right before it (没扫雪, didn't attend).
    private static bool Occurs(SentenceWords words, string term)
    {
        foreach (var at in words.Find(term))
        {
            var before = words.Text[..at].TrimEnd();
            var negated = TextNormalizer.ContainsCjk(term)
                ? ChineseNegations.Any(n => before.EndsWith(n, StringComparison.Ordinal) || before.EndsWith(n + "去", StringComparison.Ordinal) || before.EndsWith(n + "有去", StringComparison.Ordinal) || before.EndsWith(n + "能", StringComparison.Ordinal))
                : EnglishNegations.Any(n => before.EndsWith(n, StringComparison.Ordinal));
            if (!negated)
            {
                return true;
            }
        }

        return false;
    }

    // jieba must keep the rules' words whole; it remembers what it was given.
    private static void AddVocabulary(IReadOnlyList<PointRule> rules) =>
        WordSegmenter.AddWords(rules.SelectMany(r => r.Keywords.Concat(r.Words.Actions).Concat(r.Words.Objects).Concat(r.Words.Beneficiaries)).Select(Normal));

    private static string Normal(string term) => TextNormalizer.Normalize(term.Trim()).ToLowerInvariant();

    internal static string Describe(RuleMatch match) =>
        string.Join("; ", match.Candidates.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Rule.Code} {c.Score} ({c.Evidence})")));
}

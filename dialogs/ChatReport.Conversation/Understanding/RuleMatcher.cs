using System.Collections.Frozen;
using System.Globalization;
using System.Runtime.CompilerServices;
using ChatReport.Conversation.Domain;
using ChatReport.Dialogs.Recognition;

namespace ChatReport.Conversation.Understanding;

/// <summary>
/// Weighs the evidence for each rule in a sentence and says how sure the best reading is. A
/// rule's keyword, or an action of its lexicon with one of its objects or beneficiaries (anywhere,
/// either order), is strong evidence; an object or a beneficiary alone is a hint; words the
/// branch's approved claims taught add to it. One rule well ahead is proposed; close ones are
/// asked about, best first; a sentence that tells of a deduction is not a claim.
/// </summary>
public static partial class RuleMatcher
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

    // Scoring a sentence against every rule's lexicon takes a few hundred microseconds; a turn
    // scores its text more than once, and once more before it enters the writer.
    private static readonly RecognitionMemo<MatchKey, RuleMatch> Matches = new(1024);
    private static readonly ConditionalWeakTable<PointRule, RuleTerms> PreparedTerms = new();
    private const double MaxLearned = 2.6;

    // Words that turn a deed into its absence: 没扫雪, 没有去开会, didn't attend.
    private static readonly string[] ChineseNegations = ["没有", "没", "未", "不", "忘了", "忘记"];
    private static readonly string[] EnglishNegations = ["didn't", "did not", "not", "never", "forgot to", "missed", "skipped", "skip", "was absent from", "absent from"];

    private static RuleObjects s_objects = new([], FrozenSet<string>.Empty);
    private static readonly string[] EnglishArticles = [" the", " a", " an", " my", " our", " this", " that", " the branch", " the party", " our branch", " the monthly"];
    private static readonly string[] NegatableVerbs = ["参加", "出席", "去", "来", "到", "交", "上", "做", "能去", "有去", "有参加"];
    private static readonly string[] AbsentAfter = ["没去", "没参加", "没有去", "没有参加", "没来", "没到", "缺席"];
    private static readonly FrozenSet<string> Roads = new[] { "路", "道路", "马路", "村道", "街道", "巷子", "小路", "胡同", "路面", "公路", "街巷", "村巷", "road", "path", "street", "lane", "alley" }.ToFrozenSet(StringComparer.Ordinal);
    private static readonly FrozenSet<string> HelperVerbs = new[] { "帮", "帮着", "帮了", "帮忙", "帮助", "幫", "幫著", "帮衬", "帮把手", "搭把手", "help", "helped" }.ToFrozenSet(StringComparer.Ordinal);
    private static readonly char[] ClauseEnds = [',', '，', '。', '.', ';', '；', '!', '！', '?', '？'];
    private static readonly string[] PlaceSuffixes = ["上", "边", "里", "旁", "前", "后", "头", "口", "附近", "周围", "一带", "两旁", "沿线"];
    private static readonly string[] EnglishPlacePrepositions = [" at the", " on the", " from the", " in the", " along the", " near the", " by the", " off the", " at", " on", " in", " along", " near", " off"];

    /// <summary>Reads which rule <paramref name="sentence"/> is about.</summary>
    /// <param name="sentence">The member's words.</param>
    /// <param name="rules">The active rules (base rules are ignored).</param>
    /// <param name="learned">The branch's learned words (only those backed by approved claims count).</param>
    /// <returns>The reading.</returns>
    public static RuleMatch Match(string sentence, IReadOnlyList<PointRule> rules, IReadOnlyList<LearnedWord>? learned = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        AddVocabulary(rules);
        var backed = (learned ?? []).Where(w => w.ApprovedClaims > 0).ToList();
        var key = new MatchKey(
            TextNormalizer.Normalize(sentence ?? string.Empty).ToLowerInvariant(),
            [.. rules],
            string.Join('\u0002', backed.Select(w => string.Create(CultureInfo.InvariantCulture, $"{w.RuleId}\u0001{w.Word}"))),
            WordSegmenter.Generation);
        return Matches.GetOrAdd(key, backed, static (key, backed) => MatchWords(SentenceWords.Of(key.Text), key.Rules, backed));
    }

    private static RuleMatch MatchWords(SentenceWords words, IReadOnlyList<PointRule> rules, List<LearnedWord> backed)
    {
        var rulesPerWord = backed.GroupBy(w => w.Word, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(w => w.RuleId).Distinct().Count(), StringComparer.Ordinal);

        var bonus = new List<RuleCandidate>();
        var deductions = new List<RuleCandidate>();
        var scored = rules.Where(r => r.IsActive && r.Kind != RuleKind.Base).ToList();
        // Each rule's evidence is read once per sentence; it was most of a match's time read three times.
        var found = scored.Select(r => Evidence(words, r)).ToList();
        // What was done to something (雪…铲) beats where another rule's deed is done (到村道).
        // 扫村里的路，雪太厚了, shovelled the path after the snowfall: the road is where, when another
        // rule names what was cleared from it. Leaving roads out can only take a thing away, so only
        // rules with a thing done are read again.
        var roadsArePlaces = scored.Where((r, i) => r.Kind == RuleKind.Bonus && found[i] is { Thing: not null, Action: not null })
            .Any(r => Evidence(words, r, roadsArePlaces: true) is { Thing: not null, Action: not null });
        if (roadsArePlaces)
        {
            found = [.. scored.Select(r => Evidence(words, r, roadsArePlaces: true))];
        }

        var anyThingDone = roadsArePlaces || scored.Where((r, i) => r.Kind == RuleKind.Bonus && found[i] is { Thing: not null, Action: not null }).Any();
        for (var i = 0; i < scored.Count; i++)
        {
            var rule = scored[i];
            var candidate = Score(rule, found[i], backed.Where(w => w.RuleId == rule.Id && words.HasContentWord(w.Word)).Select(w => w.Word), rulesPerWord, anyThingDone, scored);
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

        // Scores are rounded to hundredths; compare them so, or 3.0 - 2.2 falls short of 0.8.
        // 把孤寡老人家门口的雪扫了: the snow, or help for the old woman? Someone another rule is
        // for, beside a deed told without its rule's own word, is for the member to say.
        var othersPerson = bonus.Count > 0 && !bonus[0].Evidence.Contains("keyword", StringComparison.Ordinal)
            && rules.Any(r => r.IsActive && r.Kind == RuleKind.Bonus && r.Id != bonus[0].Rule.Id
                && r.Words.Beneficiaries.Select(Normal).Any(b => b.Length >= 3 && TextNormalizer.ContainsCjk(b) && words.Find(b).Any(at => !words.SaysStranger(at)) && !bonus[0].Rule.Words.Beneficiaries.Select(Normal).Contains(b)));
        // 捐了两千块钱修桥, paid for two street lamps: the member gave money for the deed another
        // rule's words describe; whether that earns points is for the member to choose.
        // 本来要去扫雪，结果没去成: told, but not done; 他昨天去扫雪了: done by someone else. The
        // member may still pick a rule.
        var undone = Undone().IsMatch(words.Text) || ByAnother(words.Text);
        var secondDeed = bonus.Count > 0 ? SecondDeed(words.Text, bonus[0].Rule, rules, backed) : null;
        // 群里有人说村口路面结冰了，我去铲了: a need heard of, met by another rule's whole deed, is either.
        var needMetByAnother = NeedHeard().IsMatch(words.Text) && bonus.Count > 1 && bonus[1].Score >= Complete;
        var onlyWhere = bonus.Count > 0 && bonus[0].Evidence.StartsWith(WhereOnly, StringComparison.Ordinal);
        if (best >= SureAt && !onlyWhere && !othersPerson && !undone && !needMetByAnother && secondDeed is null && !(GaveMoney().IsMatch(words.Text) && !BuysByItself(bonus[0])) && !NotADeed().IsMatch(words.Text) && (bonus.Count == 1 || Math.Round(best - bonus[1].Score, 2) >= Margin))
        {
            return new RuleMatch(RuleConfidence.Sure, [bonus[0]]);
        }

        var offered = bonus.Where(c => c.Score >= HintAt && c.Score >= best - 1.5).Take(MaxOffered).ToList();
        if (secondDeed is not null && !offered.Any(c => c.Rule.Id == secondDeed.Rule.Id))
        {
            offered = [.. offered.Take(MaxOffered - 1), secondDeed];
        }

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
            .Select(Terms)
            .SelectMany(t => t.Keywords.Concat(t.Actions).Concat(t.Objects).Concat(t.Beneficiaries))
            .Any(term => Occurs(words, term, TermRole.Any));
    }

    private static (string? Keyword, string? Action, string? Thing, string? WhereDone, string? Person) Evidence(SentenceWords words, PointRule rule, bool roadsArePlaces = false)
    {
        var terms = Terms(rule);
        var said = terms.Keywords.Where(k => Occurs(words, k, TermRole.Any)).OrderByDescending(k => k.Length).ToList();
        // 跟志愿者一起…, 在服务站帮忙搬桌子: a rule's word said as with whom or where another deed was
        // done is not that rule's deed; it says no more than a beneficiary or a place would.
        var aside = SaidAsWhereOrWith(words, said, terms);
        var companion = aside.FirstOrDefault(k => SaidAsCompany(words, k));
        var placeWord = aside.FirstOrDefault(k => k != companion);
        var keyword = said.FirstOrDefault(k => !aside.Contains(k));
        var actions = terms.Actions.Where(a => Occurs(words, a, TermRole.Action)).OrderByDescending(a => a.Length).ToList();
        var action = actions.FirstOrDefault();
        // 宣传 is an action and an object of the same rule: one word said once is not a deed and its object.
        var objects = terms.Objects.Where(o => words.Find(o, TermRole.Target).Count > (o == action ? 1 : 0)).ToList();
        var thing = objects.Where(o => !(roadsArePlaces && Roads.Contains(o)) && words.Find(o, TermRole.Target).Any(at => !IsPlace(words, at, o.Length))).OrderByDescending(o => o.Length).FirstOrDefault();
        // Where the deed was done (在公厕, on the road) is a weaker object than what it was done to.
        var whereDone = thing is null ? placeWord ?? objects.OrderByDescending(o => o.Length).FirstOrDefault() : null;
        // 在党群服务中心帮忙: 服务 inside the place's own word is no deed done there.
        List<string> besides = [.. new[] { whereDone }.OfType<string>(), .. aside];
        action = actions.FirstOrDefault(a => besides.Count == 0 || OccursApart(words, a, besides));
        var person = companion ?? terms.Beneficiaries.Where(b => words.Find(b).Count > 0).OrderByDescending(b => b.Length).FirstOrDefault();
        return (keyword, action, thing, whereDone, person);
    }

    // An English term is found by its lemma, so the word in the text can be shorter than the term
    // (leaves in "asked for leave" at the end of a message).
    private static int WithinText(string text, int at, int length) => Math.Min(length, text.Length - at);

    // 在路上, 到广场, 路边, on the road: where the deed was done, not what it was done to.
    private static bool IsPlace(SentenceWords words, int at, int length)
    {
        var text = words.Text;
        length = WithinText(text, at, length);
        var before = text[..at].TrimEnd();
        var after = text[(at + length)..].TrimStart();
        if (TextNormalizer.ContainsCjk(text.Substring(at, length)))
        {
            // 在/到 as words of their own: the 到 of 拾到 is no preposition.
            var previous = words.Tokens.LastOrDefault(t => t.End <= at && t.Text.Trim().Length > 0);
            // 门口那段路的雪: the road only says whose snow it was; 返屋企, 送回家: home is where someone went.
            return previous is { Text: "在" or "到" or "去" or "从" or "于" or "於" or "回" or "返" or "回到" or "返到" }
                || words.Tokens.Any(t => t.Start < at && at < t.End && t.Text[0] is '回' or '返')
                || PlaceSuffixes.Any(s => after.StartsWith(s, StringComparison.Ordinal))
                || (after.StartsWith('的') && words.Tokens.FirstOrDefault(t => t.Start > at + length && t.Text != "的") is { } next && s_objects.Objects.Contains(next.Text));
        }

        // off the main road, from the school steps: a word or two may stand between.
        for (var skipped = 0; skipped <= 2; skipped++)
        {
            if (EnglishPlacePrepositions.Any(p => (skipped == 0 || p.EndsWith(" the", StringComparison.Ordinal)) && before.EndsWith(p, StringComparison.Ordinal)))
            {
                return true;
            }

            var space = before.LastIndexOf(' ');
            if (space < 0)
            {
                return false;
            }

            before = before[..space];
        }

        return false;
    }

    // An action or keyword counts only when not negated right before it (没扫雪, didn't attend).
    private static bool Occurs(SentenceWords words, string term, TermRole role)
    {
        foreach (var at in words.Find(term, role))
        {
            // 手艺还没丢: 还 before 没 is "still", not "give back"; 顾不上 is "cannot see to".
            if (role == TermRole.Action && IsNoDeedHere(words.Text, term, at))
            {
                continue;
            }

            // 没参加党小组会: the negation stands before the whole word the term is part of (小组会).
            var start = words.Tokens.FirstOrDefault(t => t.Start < at && at < t.End)?.Start ?? at;
            if (!IsNegated(words.Text, start, term.Length + at - start, TextNormalizer.ContainsCjk(term)))
            {
                return true;
            }
        }

        return false;
    }

    // 没扫雪, 没参加党小组会, 主题党日我没去, didn't attend: the deed did not happen. Terms that
    // carry the negation themselves (没交, 没参加) are deduction words and are not negated again.
    private static bool IsNegated(string text, int at, int length, bool chinese)
    {
        length = WithinText(text, at, length);
        var term = text.Substring(at, length);
        if (ChineseNegations.Any(n => term.StartsWith(n, StringComparison.Ordinal)) || EnglishNegations.Any(n => term.StartsWith(n, StringComparison.Ordinal)))
        {
            return false;
        }

        var before = text[..at].TrimEnd();
        if (!chinese)
        {
            // missed the branch meeting, didn't attend our party lesson: the article is not the deed.
            foreach (var article in EnglishArticles.OrderByDescending(a => a.Length))
            {
                if (before.EndsWith(article, StringComparison.Ordinal))
                {
                    before = before[..^article.Length].TrimEnd();
                    break;
                }
            }

            return EnglishNegations.Any(n => before.EndsWith(n, StringComparison.Ordinal) || before.EndsWith(n + " go to", StringComparison.Ordinal) || before.EndsWith(n + " attend", StringComparison.Ordinal));
        }

        // 没参加, 没去参加: up to two verbs may stand between the negation and the deed.
        for (var verbs = 0; verbs < 2 && NegatableVerbs.FirstOrDefault(v => before.EndsWith(v, StringComparison.Ordinal)) is { } verb; verbs++)
        {
            before = before[..^verb.Length];
        }

        if (ChineseNegations.Any(n => before.EndsWith(n, StringComparison.Ordinal)))
        {
            return true;
        }

        // The rest of the clause: 主题党日我没去.
        var end = text.IndexOfAny(ClauseEnds, at + length);
        var after = text[(at + length)..(end < 0 ? text.Length : end)];
        return AbsentAfter.Any(a => after.Contains(a, StringComparison.Ordinal));
    }

    // jieba must keep the rules' words whole; it remembers what it was given (Terms gives them
    // to it once per rule). The objects of all rules are kept to tell 路的雪 (the road says whose
    // snow) from 走丢的老人, worked out again only when the rules change.
    private static void AddVocabulary(IReadOnlyList<PointRule> rules)
    {
        var known = s_objects;
        if (known.Rules.Length == rules.Count && known.Rules.Select((rule, i) => ReferenceEquals(rule, rules[i])).All(same => same))
        {
            return;
        }

        s_objects = new RuleObjects([.. rules], rules.SelectMany(rule => Terms(rule).Objects).ToFrozenSet(StringComparer.Ordinal));
    }

    // A rule's words as they are compared, made once per rule: the rule store hands out the same
    // rule objects until a rule changes.
    private static RuleTerms Terms(PointRule rule) =>
        PreparedTerms.GetValue(rule, static rule =>
        {
            var terms = new RuleTerms(
                [.. rule.Keywords.Select(Normal)],
                [.. rule.Words.Actions.Select(Normal)],
                [.. rule.Words.Objects.Select(Normal)],
                [.. rule.Words.Beneficiaries.Select(Normal)]);
            WordSegmenter.AddWords(terms.Keywords.Concat(terms.Actions).Concat(terms.Objects).Concat(terms.Beneficiaries));
            return terms;
        });

    private static string Normal(string term) => TextNormalizer.Normalize(term.Trim()).ToLowerInvariant();

    private sealed record RuleTerms(string[] Keywords, string[] Actions, string[] Objects, string[] Beneficiaries);

    private sealed record RuleObjects(PointRule[] Rules, FrozenSet<string> Objects);

    // The sentence as compared, the rules (the same objects), the learned words that count, and
    // jieba's dictionary as it was: everything a reading depends on.
    private sealed record MatchKey(string Text, PointRule[] Rules, string Learned, int Dictionary)
    {
        public bool Equals(MatchKey? other) =>
            other is not null
            && Dictionary == other.Dictionary
            && string.Equals(Text, other.Text, StringComparison.Ordinal)
            && string.Equals(Learned, other.Learned, StringComparison.Ordinal)
            && SameRules(Rules, other.Rules);

        public override int GetHashCode()
        {
            var hash = new HashCode();
            hash.Add(Text, StringComparer.Ordinal);
            hash.Add(Learned, StringComparer.Ordinal);
            hash.Add(Dictionary);
            foreach (var rule in Rules)
            {
                hash.Add(RuntimeHelpers.GetHashCode(rule));
            }

            return hash.ToHashCode();
        }

        private static bool SameRules(PointRule[] a, PointRule[] b)
        {
            if (a.Length != b.Length)
            {
                return false;
            }

            for (var i = 0; i < a.Length; i++)
            {
                if (!ReferenceEquals(a[i], b[i]))
                {
                    return false;
                }
            }

            return true;
        }
    }

    internal static string Describe(RuleMatch match) =>
        string.Join("; ", match.Candidates.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Rule.Code} {c.Score} ({c.Evidence})")));
}

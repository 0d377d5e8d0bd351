using ChatReport.Conversation.Domain;

namespace ChatReport.Conversation.Understanding;

// How much a rule's evidence in a sentence counts: a rule's own word, a deed and what it was done
// to, where it was done, whom it helped, and what the branch has taught.
public static partial class RuleMatcher
{
    // Evidence that names the rule only as the place of another deed.
    private const string WhereOnly = "only where ";

    private static RuleCandidate? Score(PointRule rule, (string? Keyword, string? Action, string? Thing, string? WhereDone, string? Person) found, IEnumerable<string> learned, Dictionary<string, int> rulesPerWord, bool anyThingDone, IReadOnlyList<PointRule> others)
    {
        bool othersHave(TermRole role, string term) => others.Any(o => o.Id != rule.Id && o.Kind == RuleKind.Bonus
            && (role == TermRole.Action ? Terms(o).Actions : Terms(o).Beneficiaries).Contains(term, StringComparer.Ordinal));

        var (keyword, action, thing, whereDone, person) = found;
        var taught = learned.ToList();

        var score = 0.0;
        var evidence = new List<string>();
        if (keyword is not null)
        {
            // A rule's own name for the deed (党日活动, 理发) outweighs another rule's pair by the margin:
            // 党日活动，打扫村道 is the party day, whatever was done on it.
            score = Math.Max(score, Complete + 0.6 + (0.1 * Math.Min(keyword.Length, 6)));
            evidence.Add("keyword " + keyword);
        }

        if (action is not null && thing is not null)
        {
            // A keyword and a complete pair agree: more than either alone.
            score = keyword is not null ? score + 0.4 : Math.Max(score, Complete);
            evidence.Add(action + "+" + thing);
        }
        else if (action is null && whereDone is not null && Terms(rule).Keywords.Contains(whereDone, StringComparer.Ordinal))
        {
            // 在便民服务站当志愿者, 在服务站帮忙搬桌子: the rule's own place named as where another deed was
            // done weighs as its word does beside that deed's rule, but is never proposed by itself.
            score = Math.Max(score, Complete + 0.6 + (0.1 * Math.Min(whereDone.Length, 6)));
            evidence.Add(WhereOnly + whereDone);
        }
        else if (action is not null && whereDone is not null)
        {
            // 在服务中心代办, 在公厕打扫: a deed word done at the rule's own place; weaker when both are a
            // single character (在路上扫), which many deeds share, or when another rule names what was done.
            var strong = !anyThingDone && (action.Length > 1 || whereDone.Length > 1);
            score = Math.Max(score, strong ? Complete - 0.3 : Complete - 0.8);
            evidence.Add(action + "+@" + whereDone);
        }
        else if (action is not null && person is not null)
        {
            // give…elderly, 修…老人: when both words serve other rules too, who was helped does not
            // say with what; 剃…老人, 送…特困户 do.
            // 帮独居阿伯扛瓦斯桶: 帮 says someone was helped, not with what; the deed is for the member to name.
            var own = !othersHave(TermRole.Action, action) || !othersHave(TermRole.Any, person);
            var helpedOnly = HelperVerbs.Contains(action);
            score = Math.Max(score, helpedOnly ? Complete - 0.8 : own ? Complete - 0.5 : Complete - 1.5);
            evidence.Add(action + "+" + person + (helpedOnly ? " (helped)" : own ? string.Empty : " (shared)"));
        }
        else
        {
            score = Math.Max(score, thing is not null ? 1.2 : person is not null ? 1.0 : action is not null ? 0.7 : 0);
            evidence.AddRange(new[] { action, thing, person }.OfType<string>());
        }

        // 跟志愿者一起…: the rule's own word naming who came along says more than a beneficiary, less
        // than a deed, so that another rule's deed told beside it is asked about, not outweighed.
        if (person is not null && keyword is null && Terms(rule).Keywords.Contains(person, StringComparer.Ordinal))
        {
            score = Math.Max(score, Complete - 1.0);
            evidence.Add("with " + person);
        }

        // Each further kind of evidence (an object besides a keyword, a beneficiary besides an action and object) adds a little.
        var kinds = new[] { keyword, action, thing, person }.Count(k => k is not null);
        score += 0.3 * Math.Max(0, kinds - 2);

        if (taught.Count > 0)
        {
            var weight = taught.Sum(w => PerLearnedWord / rulesPerWord.GetValueOrDefault(w, 1));
            score += Math.Min(MaxLearned, weight);
            evidence.Add("learned " + string.Join('/', taught));
        }

        return score > 0 ? new RuleCandidate(rule, Math.Round(score, 2), string.Join(", ", evidence)) : null;
    }
}

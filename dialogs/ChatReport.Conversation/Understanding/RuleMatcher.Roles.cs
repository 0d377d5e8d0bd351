using System.Text.RegularExpressions;

namespace ChatReport.Conversation.Understanding;

// What a rule's word is in the sentence when it is not the deed: the people the member went with
// (跟志愿者一起), the place another deed was done at (在服务站帮忙搬桌子), or an adverb that
// looks like an action (还没丢 is "still", not "give back").
public static partial class RuleMatcher
{
    // A one-character action and what follows it when it is no deed: 还没 (still not), 顾不上 (cannot
    // see to).
    private static readonly Dictionary<string, string> NoDeedBefore = new(StringComparer.Ordinal)
    {
        ["还"] = "没是有在要得挺很会不行好能算真早",
        ["顾"] = "不",
    };

    private static bool IsNoDeedHere(string text, string term, int at) =>
        NoDeedBefore.TryGetValue(term, out var next) && at + 1 < text.Length && next.Contains(text[at + 1], StringComparison.Ordinal);

    // The rule's words said only as with whom or where (and the shorter words inside them: 便民服务
    // in 便民服务站), which are no claim of the rule.
    private static List<string> SaidAsWhereOrWith(SentenceWords words, List<string> said, RuleTerms terms)
    {
        var aside = said.Where(k => SaidAsCompany(words, k) || SaidAsPlaceOnly(words, k, said, terms)).ToList();
        if (aside.Count == 0)
        {
            return aside;
        }

        var spans = aside.SelectMany(k => words.Find(k).Select(at => (Start: at, End: at + k.Length))).ToList();
        return [.. said.Where(k => aside.Contains(k) || words.Find(k).All(at => spans.Any(s => at >= s.Start && at + k.Length <= s.End)))];
    }

    // 跟志愿者一起去…, 和党员们一块儿…, with the volunteers: the word names who came along.
    private static bool SaidAsCompany(SentenceWords words, string keyword)
    {
        var text = words.Text;
        var found = words.Find(keyword);
        return found.Count > 0 && found.All(at =>
        {
            var before = text[Math.Max(0, at - 24)..at];
            var after = text[Math.Min(text.Length, at + keyword.Length)..];
            return (CompanyBefore().IsMatch(before[Math.Max(0, before.Length - 8)..]) && CompanyAfter().IsMatch(after)) || EnglishCompany().IsMatch(before);
        });
    }

    // 在服务站帮忙搬桌子: a rule's word for a place, said only as where, with none of the rule's own
    // actions or things beside it (服务 inside 服务站 is not one; 顶的班 is), tells where, not what was done.
    private static bool SaidAsPlaceOnly(SentenceWords words, string keyword, List<string> said, RuleTerms terms) =>
        PlaceName().IsMatch(keyword)
        && words.Find(keyword).All(at => IsPlace(words, at, keyword.Length))
        && !terms.Actions.Any(a => Occurs(words, a, TermRole.Action) && OccursApart(words, a, said))
        && !terms.Objects.Any(o => !PlaceName().IsMatch(o) && FoundApart(words, o, TermRole.Target, said));

    // True when the action occurs outside every occurrence of the given words.
    private static bool OccursApart(SentenceWords words, string action, List<string> said) =>
        FoundApart(words, action, TermRole.Action, said);

    private static bool FoundApart(SentenceWords words, string term, TermRole role, List<string> said)
    {
        var spans = said.SelectMany(k => words.Find(k).Select(at => (Start: at, End: at + k.Length))).ToList();
        return words.Find(term, role).Any(at => !spans.Any(s => at >= s.Start && at < s.End) && !IsNoDeedHere(words.Text, term, at));
    }

    [GeneratedRegex(@"(?:跟|和|与|同|随|跟着|随着|陪着)[^,，。;；!！ ]{0,5}$")]
    private static partial Regex CompanyBefore();

    [GeneratedRegex(@"^[^,，。;；!！ ]{0,3}?(?:一起|一块儿?|一道|一同|一齐)")]
    private static partial Regex CompanyAfter();

    [GeneratedRegex(@"\b(?:with|alongside|together with)(?: (?:the|some|other|our|a few|fellow))? $")]
    private static partial Regex EnglishCompany();

    [GeneratedRegex(@"(?:站|点|中心|大厅|室|窗口|\bstation|\bcentre|\bcenter|\bpoint|\boffice|\bdesk)$")]
    private static partial Regex PlaceName();
}

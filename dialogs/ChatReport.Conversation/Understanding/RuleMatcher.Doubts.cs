using System.Text.RegularExpressions;
using ChatReport.Conversation.Domain;
using ChatReport.Dialogs.Recognition;

namespace ChatReport.Conversation.Understanding;

// Why the best reading of a sentence is not proposed as sure, whatever its score: the money was
// given rather than the work done, the deed came to nothing or was someone else's, it is news
// rather than a deed, or a second deed is told beside it.
public static partial class RuleMatcher
{
    // 周一上午扫了雪 下午又去卫生院看了住院的老孙: a later clause told with 又/还/then that is by
    // itself a sure deed of one rule, after words that are a sure deed of another, is a second deed;
    // which to claim is the member's say.
    private static RuleCandidate? SecondDeed(string text, PointRule first, IReadOnlyList<PointRule> rules, List<LearnedWord> backed)
    {
        // 开完党员会大伙又一起去把…雪扫了: 又 starts the second deed inside a clause too.
        var clauses = (TextNormalizer.ContainsCjk(text) ? text.Split([.. ClauseEnds, ' '], StringSplitOptions.RemoveEmptyEntries).SelectMany(c => LaterDeed().Split(c)) : text.Split(ClauseEnds, StringSplitOptions.RemoveEmptyEntries))
            .Select(c => c.Trim())
            .Where(c => c.Length > 0)
            .ToList();
        for (var k = 1; k < clauses.Count; k++)
        {
            // 巡河的时候碰上两家吵架，我给劝和了: what happened during one deed may be another.
            if (!AnotherDeed().IsMatch(clauses[k]) && !During().IsMatch(clauses[k - 1]))
            {
                continue;
            }

            var later = MatchWords(SentenceWords.Of(clauses[k]), rules, backed);
            var earlier = MatchWords(SentenceWords.Of(string.Join(' ', clauses.Take(k))), rules, backed);
            // After 的时候 the later clause need only point at another rule; after 又 it must be sure.
            var laterCounts = later.Confidence == RuleConfidence.Sure || (later.Confidence == RuleConfidence.Unsure && During().IsMatch(clauses[k - 1]));
            if (laterCounts && earlier.Confidence == RuleConfidence.Sure && later.Candidates[0].Rule.Id != earlier.Candidates[0].Rule.Id)
            {
                return later.Candidates[0].Rule.Id != first.Id ? later.Candidates[0] : earlier.Candidates[0];
            }
        }

        return null;
    }

    [GeneratedRegex(@"又|还去|还给|还帮|另外|接着|然后|随后|之后|顺便|顺手|\b(?:also|then|later|afterwards|after that|on the side)\b")]
    private static partial Regex AnotherDeed();

    // Someone asked in the group chat: a residents' need, whatever the deed that met it.
    [GeneratedRegex(@"群(?:组)?里(?:有人)?(?:说|讲|喊|问|话|求助)|\b(?:posted|asked|said) in the (?:group|chat)\b")]
    private static partial Regex NeedHeard();

    [GeneratedRegex(@"(?<=\p{IsCJKUnifiedIdeographs})(?=又(?!是)|然后|接着|随后|顺便|顺手)")]
    private static partial Regex LaterDeed();

    [GeneratedRegex(@"(?:的时候|那会儿?|嗰阵|时)$|\bwhile\b|\bduring\b")]
    private static partial Regex During();

    // A prize, an exam, a training course, a family celebration or pulling down one's own illegal
    // building: news or duty, not a deed a rule pays for; the member may still pick a rule.
    [GeneratedRegex(@"获奖|得奖|等奖|拿了证|考的试|考试|培训|结婚|酒席|婚宴|违建|违章建筑|私搭乱建|\bwon (?:a|the|second|first|third)\b|\bprize\b|\bexam\b|\btraining course\b")]
    private static partial Regex NotADeed();

    // 认领了微心愿，给留守娃买了个书包，花了六十块: a rule named by its own word whose deed is buying
    // something (its lexicon says 买) is met by the money spent.
    private static bool BuysByItself(RuleCandidate best) =>
        best.Evidence.Contains("keyword", StringComparison.Ordinal) && Terms(best.Rule).Actions.Contains("买", StringComparer.Ordinal);

    [GeneratedRegex(@"捐了?[^,，。;；]{0,8}(?:钱|款|元|块)|掏了?[^,，。]{0,4}钱|出了?钱|自费|自掏腰包|花了?[^,，。]{0,6}(?:钱|元|块)|\bdonated\b[^,.;]{0,20}(?:money|yuan|rmb|cash)|\bpaid (?:for|to)\b|\bout of (?:my|our) own pocket|\bat my own expense")]
    private static partial Regex GaveMoney();

    // A deed that came to nothing, said after it (没去成, 泡汤了, got cancelled), anywhere in the message.
    [GeneratedRegex(@"没(?:能|有)?(?:去|做|干|扫|弄|办|开|搞|赶上|参加)成|没来得及|没顾上|泡汤|取消了|改期了|推迟了|\b(?:didn't|did not|couldn't|could not) make it\b|\b(?:was|got|were) (?:cancell?ed|called off|postponed)\b")]
    private static partial Regex Undone();

    // 他昨天去扫雪了, 我老伴给五保户送了面, my husband cleared the snow: someone else's deed, unless
    // the member was in it too (他和我一起…).
    private static bool ByAnother(string text)
    {
        var subject = AnotherSubject().Match(text);
        if (!subject.Success)
        {
            return false;
        }

        var rest = text[(subject.Index + subject.Length)..];
        return !Member().IsMatch(rest);
    }

    [GeneratedRegex(@"^(?:(?:昨天|前天|今天|大前天|上周.|这周.|本周.|[0-9]+月[0-9]+[日号]?|[0-9]+号|早上|上午|中午|下午|晚上|[,， ])*)(?:他们|她们|他|她|老伴|(?:我|俺)(?:老伴|爸|妈|爹|娘|父亲|母亲|儿子|闺女|女儿|媳妇|老婆|老公|爱人|对象|孙子|孙女|哥|姐|弟|妹|男人|家那口子|家老头|家老太))|^(?:(?:yesterday|today|this morning|on \w+)[, ]+)?(?:he|she|they|my (?:husband|wife|son|daughter|father|mother|dad|mum|mom|brother|sister|grandson|granddaughter))\b")]
    private static partial Regex AnotherSubject();

    [GeneratedRegex(@"我|俺|咱|\b(?:i|we|me|us)\b")]
    private static partial Regex Member();
}

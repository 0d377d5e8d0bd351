using System.Text.RegularExpressions;
using ChatReport.Conversation.Domain;
using ChatReport.Dialogs.Recognition;

namespace ChatReport.Conversation.Understanding;

/// <summary>
/// Tells questions and chit-chat from deeds, so that 积分是怎么算的？ is answered, not taken as a
/// report that asks "是哪天做的？". A message is a question when it asks (？, 吗, 怎么, how…);
/// a question is never a report, even when it names a deed (扫雪能加几分？).
/// </summary>
public static partial class MessageIntentReader
{
    /// <summary>Reads <paramref name="text"/>.</summary>
    /// <param name="text">The message.</param>
    /// <param name="rules">The active rules, to notice a deduction told.</param>
    /// <returns>What it wants, or <see cref="MessageIntent.None"/> when it may be a deed.</returns>
    public static MessageIntent Read(string text, IReadOnlyList<PointRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var t = TextNormalizer.ForMatching(text).ToLowerInvariant();
        if (t.Length == 0)
        {
            return MessageIntent.None;
        }

        if (Greeting().IsMatch(t))
        {
            return MessageIntent.Greeting;
        }

        if (Thanks().IsMatch(t))
        {
            return MessageIntent.Thanks;
        }

        // ForMatching trims the question mark at the end; look for it in the message as sent.
        if (IsQuestion(t) || TextNormalizer.Normalize(text).TrimEnd().EndsWith('?'))
        {
            if (MyPointsWords().IsMatch(t))
            {
                return MessageIntent.MyPoints;
            }

            return ReportWords().IsMatch(t) && !PointsWords().IsMatch(t) ? MessageIntent.HowToReport : MessageIntent.HowPointsWork;
        }

        return RuleMatcher.Match(text, rules).Confidence == RuleConfidence.Deduction ? MessageIntent.Deduction : MessageIntent.None;
    }

    // 给老人讲怎么防诈骗, 教大家如何用手机, 问了问煤够不够: the question word is what was taught or
    // asked of someone else, not asked of the bot.
    private static bool IsQuestion(string t) =>
        t.EndsWith('?') || QuestionWords().IsMatch(TaughtHow().Replace(t, " "));

    [GeneratedRegex(@"^(?:你好|您好|你们好|大家好|在吗|在不在|在么|早|早上好|上午好|下午好|晚上好|早安|晚安|哈喽|嗨|hi|hello|hey|good (?:morning|afternoon|evening))[!。.~ ]*(?:呀|啊|哦)?[!。.~ ]*$")]
    private static partial Regex Greeting();

    [GeneratedRegex(@"^(?:谢谢|谢谢你|谢谢您|多谢|感谢|辛苦了|辛苦|好的谢谢|好的,谢谢|收到谢谢|thanks|thank you|thx|many thanks)[!。.~ ]*(?:书记|啦|了)?[!。.~ ]*$")]
    private static partial Regex Thanks();

    // 吗/么/呢 at the end, or a question word anywhere: 怎么, 如何, 为什么, 什么, 多少, 几分, 能不能, 是不是, 啥时候, and any 够不够 or 算不算.
    [GeneratedRegex(@"(?:吗|么|呢|嘛)[。!~ ]*$|怎么|怎样|如何|为什么|为啥|什么|多少|几分|能不能|可不可以|是不是|有没有|咋|啥时|几时|哪天|多会儿|第几|(\p{IsCJKUnifiedIdeographs})不\1|几名|^(?:how|what|why|where|which|does|do|is|are|can|could)\b")]
    private static partial Regex QuestionWords();

    [GeneratedRegex(@"(?:讲|教|告诉|讲解|宣传|演示|示范|培训|指导)[^,，。.!！?？]{0,8}?(?:怎么|怎样|如何)|(?<!请)(?:问|打听|了解|看看|看了看)[^,，。.!！?？]{0,12}?(?:(?<v>\p{IsCJKUnifiedIdeographs})不\k<v>|有没有|缺不缺|怎么样)")]
    private static partial Regex TaughtHow();

    [GeneratedRegex(@"(?:我|俺|咱).{0,6}(?:多少分|几分|积分|分数|排名|排第几)|\bmy (?:points|score|total|rank)|how many points (?:do|have) i")]
    private static partial Regex MyPointsWords();

    [GeneratedRegex(@"申报|报积分|上报|report|claim")]
    private static partial Regex ReportWords();

    [GeneratedRegex(@"积分|几分|多少分|加分|扣分|points?|score")]
    private static partial Regex PointsWords();
}

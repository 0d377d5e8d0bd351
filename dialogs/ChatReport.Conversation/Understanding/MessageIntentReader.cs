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

        // 书记早上好, 谢谢书记 辛苦了: who is greeted or thanked changes nothing, nor do emoji (谢谢啊 辛苦了🙏).
        var bare = Symbols().Replace(Address().Replace(t, " "), " ").Trim();
        if (Greeting().IsMatch(bare))
        {
            return MessageIntent.Greeting;
        }

        if (Thanks().IsMatch(bare))
        {
            return MessageIntent.Thanks;
        }

        // Before the question words: 党员咋能这样 is indignation, not a question.
        if (Complaint().IsMatch(t))
        {
            return MessageIntent.Complaint;
        }

        // ForMatching trims the question mark at the end; look for it in the message as sent.
        if (IsQuestion(t) || TextNormalizer.Normalize(text).TrimEnd().EndsWith('?'))
        {
            // 下周一我值班 能先申报不, can I claim it now?: a deed still to come, asked about; it is
            // refused as such (the date says so), not answered with how points work.
            if (ClaimNow().IsMatch(t) && FutureDay().IsMatch(t))
            {
                return MessageIntent.None;
            }

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
    // 能不能加五分, 请加2分吗: points asked for by number after a deed are a claim, not a question
    // (扫雪能加几分 still asks); 忘了是哪天 tells that the day is not known, it asks nothing.
    private static bool IsQuestion(string t)
    {
        t = NotAsked().Replace(t, " ");
        return t.TrimEnd().EndsWith('?') || QuestionWords().IsMatch(TaughtHow().Replace(t, " "));
    }

    [GeneratedRegex(@"(?:能不能|可不可以|可以|能|请|申请)?(?:给我?|帮我)?加(?:[0-9]{1,3}|[一二两三四五六七八九十])分(?:吗|么|不|不\s*行)?[?？]?|(?:忘了|忘记了?|记不清了?|记不得了?|不记得了?|想不起来了?)[^,，。!！?？]{0,3}(?:是)?(?:哪天|哪一天|几号|啥时候|什么时候)")]
    private static partial Regex NotAsked();

    [GeneratedRegex(@"[\p{So}\p{Cs}\p{Sk}\uFE0F\u200D]+")]
    private static partial Regex Symbols();

    [GeneratedRegex(@"先(?:申报|报|记上|记|登记|上报|把分|给我记|给我加)|提前(?:把|给|申报|报|记|加|登记)|报先|记上(?:分)?不|(?:现在|而家)(?:就)?(?:报|申报)|\b(?:claim|report|log) (?:it |this )?(?:now|already|in advance|early)\b")]
    private static partial Regex ClaimNow();

    [GeneratedRegex(@"还没(?:开|开始|到|举行|搞|办|上)(?![完过好])|尚未|还未|\bnot yet\b|\bhasn't\b|明天|明儿|听日|天光日|后天|下周|下个?礼拜|下个?星期|这周[六日天]|这个?礼拜[六日天]|本周[六日天]|\btomorrow\b|\bnext (?:week|mon|tues|wednes|thurs|fri|satur|sun)")]
    private static partial Regex FutureDay();

    [GeneratedRegex(@"^(?:书记|支书|书记同志|同志|老师|主任|大家)(?=[,，!。.~ ]|$|辛苦|谢谢|多谢|感谢|你好|您好|早上好|早晨|早安|晚上好|下午好)|(?<=[,，!。.~ ])(?:书记|支书|同志|老师|主任|大家)(?=[,，!。.~ ]|$)|(?<=谢谢|感谢|多谢|你好|您好|早上好|上午好|下午好|晚上好|辛苦了)(?:书记|支书|同志|老师|主任|大家)|(?<=\b(?:thanks|thank you|hello|hi|morning))[, ]+(?:secretary|comrade|sir|madam)\b")]
    private static partial Regex Address();

    // A greeting, maybe with the village's "have you eaten" (吃了没) that asks nothing.
    [GeneratedRegex(@"^(?:(?:你好|您好|你们好|大家好|在吗|在不在|在么|早|早晨|早上好|上午好|下午好|晚上好|早安|晚安|哈喽|嗨|hi|hello|hey|good (?:morning|afternoon|evening)|吃了没|吃了吗|吃饭了没|吃饭了吗|吃了没有|忙啥呢|忙什么呢)[!。.~ ,，?？]*(?:呀|啊|哦)?[!。.~ ,，?？]*)+$")]
    private static partial Regex Greeting();

    [GeneratedRegex(@"^(?:(?:谢谢|谢谢你|谢谢您|谢了|多谢|多谢晒|唔该|唔该晒|感谢|辛苦了|辛苦|辛苦啦|辛苦晒|麻烦了|麻烦你了|好的|收到|知道了|太好了|你(?:们|哋)?(?:真|好)?好(?:好)?人|thanks|thank you|thx|many thanks|cheers|that'?s great|great)[!。.~ ,，]*(?:啦|了|啊|呀|哈|哦|喔|晒|书记|so much|a lot|very much)?[!。.~ ,，]*)+(?:have a (?:good|nice|great) (?:day|evening|night|one)|see you|bye|goodbye)?[!。.~ ]*$")]
    private static partial Regex Thanks();

    // Someone else's conduct told to be punished or looked into: 反映个事, 群众意见可大了, 影响太坏,
    // 该扣他分; he should lose points, villagers are complaining.
    [GeneratedRegex(@"反映(?:个|一个|一下|下)?(?:事|情况|问题)|群众(?:有)?意见|意见(?:可|很|特别|非常)?大|影响(?:太|很|极|特别|非常)?(?:坏|恶劣|不好)|举报|投诉|(?:应该|该)扣|扣(?:他|她|他们|她们)(?:的)?分|(?:咋|怎么)能这样|不像话|没请假|不请假|冇请假|明令禁止|坏了[^,，。]{0,8}规矩|(?:看到|看见|瞧见)(?:有个?)?党员|还是(?:个|名)?(?:老)?党员(?:哦|呢|嘞|啊|咧|嚟)?(?:[,，。!！ ]|$)|仲系党员|赌钱|赌博|(?:是|的)(?:个)?党员[^,，。 ]{0,2}某|基本农田|骂人|骂街|骂大街|说了好几回|(?:他|她|佢)[^,，。 ]{0,10}(?:连着|连续|两回|几回|好几回|好几次|两次|老是|总是)[^,，。 ]{0,4}(?:没|不|冇)(?:到|来|去|参加|交)|\billegal(?:ly)?\b|\breport my (?:neighbou?r|colleague)|\b(?:he|she) is (?:a )?party member\b|(?:without|never) (?:asking|asked) for leave|\b(?:should|must|ought to) (?:lose|be docked|get docked|have (?:his|her|their) points)|\bdeduct|\bdock (?:him|her|them|his|her|their)\b|\bcomplain|\breport(?:ing)? (?:him|her|them|a member|someone)\b")]
    private static partial Regex Complaint();

    // 吗/么/呢 at the end, or a question word anywhere: 怎么, 如何, 为什么, 什么, 多少, 几分, 能不能, 是不是.
    // …了没 (审核过了没), …不 (能换米面不) at the end ask too, and any 够不够 or 算不算.
    [GeneratedRegex(@"(?:吗|么|呢|嘛)[。!~ ]*$|(?:了|过)没(?:有)?[。!~ ]*$|(?:能|可以|行|会|是|要|有|对|中)[^,，。!]{0,10}不[。!~ ]*$|怎么|怎样|如何|为什么|为啥|什么|多少|几分|能不能|可不可以|是不是|有没有|咋|第几|几名|老几|啥时|干啥|啥用|几时|哪天|多会儿|系咪|系唔系|可唔可以|点解|几多|边度|乜嘢|咩[?？。!~ ]*$|(\p{IsCJKUnifiedIdeographs})不\1|^(?:how|what|why|where|which|does|do|is|are|can|could)\b")]
    private static partial Regex QuestionWords();

    [GeneratedRegex(@"(?:讲|教|告诉|讲解|宣传|演示|示范|培训|指导)[^,，。.!！?？]{0,8}?(?:怎么|怎样|如何)|(?<!请)(?:问|打听|了解|看看|看了看)[^,，。.!！?？]{0,12}?(?:(?<v>\p{IsCJKUnifiedIdeographs})不\k<v>|有没有|缺不缺|怎么样)")]
    private static partial Regex TaughtHow();

    // Also whether one's claims were reviewed (审核过了没, 批了吗): 我的积分 lists those waiting.
    [GeneratedRegex(@"(?:我|俺|咱).{0,6}(?:多少分|几分|积分|分数|排名|排第几|排老几)|审核|批了|批没批|通过了没|通过没|\bmy (?:points|score|total|rank|claims?|reports?)|how many points (?:do|have) i|\b(?:approved|reviewed)\b")]
    private static partial Regex MyPointsWords();

    [GeneratedRegex(@"申报|报积分|上报|report|claim")]
    private static partial Regex ReportWords();

    [GeneratedRegex(@"积分|几分|多少分|加分|扣分|points?|score")]
    private static partial Regex PointsWords();
}

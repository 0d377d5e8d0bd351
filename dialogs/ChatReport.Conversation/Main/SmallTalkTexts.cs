using ChatReport.Conversation.Common;
using ChatReport.Dialogs.Localization;

namespace ChatReport.Conversation.Main;

/// <summary>What the bot says to questions and chit-chat.</summary>
public sealed record SmallTalkTexts : ITextTable<SmallTalkTexts>
{
    /// <summary>The answer to 你好.</summary>
    public required string Greeting { get; init; }

    /// <summary>The answer to 谢谢.</summary>
    public required string Thanks { get; init; }

    /// <summary>The answer to a complaint about someone else (村里有党员把垃圾倒河沟里).</summary>
    public required string Complaint { get; init; }

    /// <summary>The answer to 怎么申报？</summary>
    public required string HowToReport { get; init; }

    /// <summary>The answer to 积分是怎么算的？, given the bonus rules as "name points" lines.</summary>
    public required Func<IReadOnlyList<string>, string> HowPointsWork { get; init; }

    /// <summary>One bonus rule in that answer (name, points).</summary>
    public required Func<string, int, string> RuleLine { get; init; }

    /// <summary>The Chinese texts.</summary>
    public static SmallTalkTexts Chinese { get; } = new()
    {
        Greeting = "您好！做了好事直接跟我说就行，例如：昨天下午在村口扫雪。查积分发“我的积分”，其他功能发“帮助”。",
        Thanks = "不客气！有事随时找我。",
        Complaint = "谢谢您反映。扣分由支部书记核实后登记，我这里不记。请直接跟书记说明是谁、哪天、什么事；您自己做了好事，随时跟我说。",
        HowToReport = "直接告诉我哪天、在哪、做了什么就行，例如：申报 昨天下午在村口扫雪。缺什么我会问，最后您确认提交，书记审核通过后记分。",
        HowPointsWork = lines => "积分 = 基础积分 + 贡献加分 − 违规扣分，一年一个周期；申报的加分书记审核通过后才算。常见加分项：\n"
            + string.Join("\n", lines) + "\n查自己的分发“我的积分”，看排名发“排行榜”。",
        RuleLine = (name, points) => $"· {name} {points} 分",
    };

    /// <summary>The English texts.</summary>
    public static SmallTalkTexts English { get; } = new()
    {
        Greeting = "Hello! Just tell me about a good deed, for example: cleared snow at the village gate yesterday afternoon. Say \"my points\" for your points, \"help\" for the rest.",
        Thanks = "You're welcome!",
        Complaint = "Thank you for telling us. Deductions are checked and recorded by the branch secretary, not here: please tell your secretary who, which day and what happened. Tell me about your own good deeds any time.",
        HowToReport = "Just tell me when, where and what you did, for example: report cleared snow at the village gate yesterday afternoon. I ask for anything missing, you confirm, and the secretary reviews it.",
        HowPointsWork = lines => "Points = base points + bonuses − deductions, one cycle a year; a bonus counts once the secretary approves it. Common bonuses:\n"
            + string.Join("\n", lines) + "\nSay \"my points\" for yours, \"ranking\" for the branch's.",
        RuleLine = (name, points) => $"· {name}: {EnglishCounts.Points(points)}",
    };

    /// <summary>The table for <paramref name="language"/>.</summary>
    public static SmallTalkTexts ForLanguage(ReplyLanguage language) => language == ReplyLanguage.English ? English : Chinese;
}

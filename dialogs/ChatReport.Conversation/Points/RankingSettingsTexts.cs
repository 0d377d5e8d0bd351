using ChatReport.Dialogs.Localization;

namespace ChatReport.Conversation.Points;

/// <summary>What 排行榜设置 says, and the notes 排行榜 adds under a narrowed ranking.</summary>
public sealed record RankingSettingsTexts : ITextTable<RankingSettingsTexts>
{
    /// <summary>The help-menu line.</summary>
    public required string HelpLine { get; init; }

    /// <summary>The sender is no active member.</summary>
    public required string NotAMember { get; init; }

    /// <summary>The sender is no branch's secretary.</summary>
    public required string NotSecretary { get; init; }

    /// <summary>How to say it.</summary>
    public required string Usage { get; init; }

    /// <summary>Words that name no setting (the words).</summary>
    public required Func<string, string> Unreadable { get; init; }

    /// <summary>The current setting (branch, description).</summary>
    public required Func<string, string, string> Current { get; init; }

    /// <summary>The setting was saved (branch, description).</summary>
    public required Func<string, string, string> Saved { get; init; }

    /// <summary>Which branch, for a secretary of several.</summary>
    public required string WhichUnit { get; init; }

    /// <summary>The full list, described.</summary>
    public required string DescribeAll { get; init; }

    /// <summary>The first N and one's own place, described.</summary>
    public required Func<int, string> DescribeTop { get; init; }

    /// <summary>One's own place only, described.</summary>
    public required string DescribeOwn { get; init; }

    /// <summary>Under a ranking cut to the first N.</summary>
    public required Func<int, string> TopNote { get; init; }

    /// <summary>Under a ranking of one's own place only.</summary>
    public required string OwnNote { get; init; }

    /// <summary>The member has no place in the ranking yet.</summary>
    public required string NotRankedYet { get; init; }

    /// <summary>The Chinese texts.</summary>
    public static RankingSettingsTexts Chinese { get; } = new()
    {
        HelpLine = "排行榜设置 前10 —— 党员在排行榜看到什么：全部、前几名或仅本人（书记）",
        NotAMember = "您还没有加入支部，不能设置排行榜。",
        NotSecretary = "只有支部书记可以设置排行榜。您可以发“排行榜”查看名次。",
        Usage = "请这样说：排行榜设置 全部（完整榜单，默认）、排行榜设置 前10（前10名加本人名次，10可换成1到100）或 排行榜设置 仅本人（只看本人名次）。",
        Unreadable = words => $"看不懂“{words}”。请这样说：排行榜设置 全部、排行榜设置 前10（1到100）或 排行榜设置 仅本人。",
        Current = (unit, what) => $"{unit}的党员在排行榜里看到：{what}。",
        Saved = (unit, what) => $"已设置：{unit}的党员在排行榜里看到{what}。群里的日报也按此显示前几名。",
        WhichUnit = "设置哪个支部？",
        DescribeAll = "完整榜单（前10名，并列的都列出）和本人名次",
        DescribeTop = n => $"前{n}名（并列的都列出）和本人名次",
        DescribeOwn = "只有本人名次",
        TopNote = n => $"（本支部只公布前{n}名）",
        OwnNote = "（本支部只显示本人名次）",
        NotRankedYet = "您还没有上榜。",
    };

    /// <summary>The English texts.</summary>
    public static RankingSettingsTexts English { get; } = new()
    {
        HelpLine = "ranking settings top 10 - what members see in the ranking: all, the top N or their own place (secretary)",
        NotAMember = "You have not joined a branch, so you cannot change its ranking.",
        NotSecretary = "Only the branch secretary can change the ranking settings. Say \"ranking\" to see yours.",
        Usage = "Say: ranking settings all (the full list, the default), ranking settings top 10 (the first 10 and each member's own place; 1 to 100) or ranking settings own (each member's own place only).",
        Unreadable = words => $"I could not read \"{words}\". Say: ranking settings all, ranking settings top 10 (1 to 100) or ranking settings own.",
        Current = (unit, what) => $"In the ranking, members of {unit} see: {what}.",
        Saved = (unit, what) => $"Done: members of {unit} now see {what} in the ranking. The group digest shows its leaders the same way.",
        WhichUnit = "Which branch?",
        DescribeAll = "the full list (the first 10 ranks, ties included) and their own place",
        DescribeTop = n => $"the first {n} ranks (ties included) and their own place",
        DescribeOwn = "their own place only",
        TopNote = n => $"(this branch shows the first {n} ranks only)",
        OwnNote = "(this branch shows each member their own place only)",
        NotRankedYet = "You are not ranked yet.",
    };

    /// <summary>The table for <paramref name="language"/>.</summary>
    /// <param name="language">The language.</param>
    /// <returns>The texts.</returns>
    public static RankingSettingsTexts ForLanguage(ReplyLanguage language) => language == ReplyLanguage.English ? English : Chinese;

    /// <summary>The setting in words.</summary>
    /// <param name="privacy">The setting.</param>
    /// <returns>Its description.</returns>
    public string Describe(RankingPrivacy privacy)
    {
        ArgumentNullException.ThrowIfNull(privacy);
        return privacy.Visibility switch
        {
            RankingVisibility.Top => DescribeTop(privacy.LastListedRank()),
            RankingVisibility.Own => DescribeOwn,
            _ => DescribeAll,
        };
    }
}

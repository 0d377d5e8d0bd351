using ChatReport.Dialogs.Localization;

namespace ChatReport.Conversation.Understanding;

/// <summary>What the bot says about a branch's learned words (学习词, 删除学习词 玉米).</summary>
public sealed record LearnedWordsTexts : ITextTable<LearnedWordsTexts>
{
    /// <summary>Only a branch's secretary or an administrator over it may.</summary>
    public required string NotAllowed { get; init; }

    /// <summary>The asker manages several branches: which one (the list follows).</summary>
    public required string WhichBranch { get; init; }

    /// <summary>The list's heading: branch name.</summary>
    public required Func<string, string> Heading { get; init; }

    /// <summary>One word: word, rule, approved claims backing it.</summary>
    public required Func<string, string, int, string> Line { get; init; }

    /// <summary>The branch has learned nothing: branch name.</summary>
    public required Func<string, string> None { get; init; }

    /// <summary>How to remove one.</summary>
    public required string Hint { get; init; }

    /// <summary>Removed: word, branch name.</summary>
    public required Func<string, string, string> Removed { get; init; }

    /// <summary>The branch has no such word: word, branch name.</summary>
    public required Func<string, string, string> NotFound { get; init; }

    /// <summary>Help line of the command.</summary>
    public required string Help { get; init; }

    /// <summary>Simplified Chinese.</summary>
    public static LearnedWordsTexts Chinese { get; } = new()
    {
        NotAllowed = "抱歉，只有本支部的书记或管理员可以查看和删除学到的词。",
        WhichBranch = "你管理不止一个支部，请在命令后加支部编号，例如“学习词 #12”：",
        Heading = unit => $"{unit}学到的词（有审核通过的申报支持才算数）：",
        Line = (word, rule, approved) => approved > 0 ? $"{word} → {rule}（{approved} 条通过）" : $"{word} → {rule}（等待审核，暂不算数）",
        None = unit => $"{unit}还没有学到任何词。",
        Hint = "要删除一个词，说“删除学习词 词语”。",
        Removed = (word, unit) => $"已删除{unit}学到的“{word}”，以后不再作为判断项目的依据。",
        NotFound = (word, unit) => $"{unit}没有学到“{word}”这个词。说“学习词”查看全部。",
        Help = "学习词 —— 查看本支部学到的词；删除学习词 玉米 —— 删除一个",
    };

    /// <summary>English.</summary>
    public static LearnedWordsTexts English { get; } = new()
    {
        NotAllowed = "Sorry, only the branch's secretary or an administrator can see and remove its learned words.",
        WhichBranch = "You manage more than one branch; add its number, e.g. \"learned words #12\":",
        Heading = unit => $"Words {unit} taught the bot (they count once a claim with them is approved):",
        Line = (word, rule, approved) => approved > 0 ? $"{word} → {rule} ({approved} approved)" : $"{word} → {rule} (awaiting review, not counted yet)",
        None = unit => $"{unit} has not taught the bot any words yet.",
        Hint = "To remove one, say \"forget word WORD\".",
        Removed = (word, unit) => $"Removed \"{word}\" from {unit}'s words; it no longer points at a rule.",
        NotFound = (word, unit) => $"{unit} has no learned word \"{word}\". Say \"learned words\" to see them.",
        Help = "learned words - the branch's learned words; forget word WORD - remove one",
    };

    /// <inheritdoc />
    public static LearnedWordsTexts ForLanguage(ReplyLanguage language) => language switch
    {
        ReplyLanguage.Chinese => Chinese,
        ReplyLanguage.English => English,
        _ => throw new ArgumentOutOfRangeException(nameof(language), language, "No learned-word texts for this language."),
    };
}

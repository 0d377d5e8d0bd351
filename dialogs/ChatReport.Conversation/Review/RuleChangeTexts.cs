using ChatReport.Dialogs.Localization;

namespace ChatReport.Conversation.Review;

/// <summary>What the bot says when a reviewer moves a claim to another rule (改规则 12 扫雪).</summary>
public sealed record RuleChangeTexts : ITextTable<RuleChangeTexts>
{
    /// <summary>Asks which rule, naming the claim's current one.</summary>
    public required Func<long, string, string> AskRule { get; init; }

    /// <summary>No rule is called that.</summary>
    public required Func<string, string> UnknownRule { get; init; }

    /// <summary>The claim is already under that rule.</summary>
    public required Func<long, string, string> SameRule { get; init; }

    /// <summary>Done: claim, claimant, new rule, points now claimed.</summary>
    public required Func<long, string, string, int, string> Changed { get; init; }

    /// <summary>The member's message: claim, what, old rule, new rule, points, reviewer.</summary>
    public required Func<long, string, string, string, int, string, string> MemberRuleChanged { get; init; }

    /// <summary>Help while the dialog asks.</summary>
    public required string DecideHelp { get; init; }

    /// <summary>Help line of the command.</summary>
    public required string HelpChangeRule { get; init; }

    /// <summary>Simplified Chinese.</summary>
    public static RuleChangeTexts Chinese { get; } = new()
    {
        AskRule = (id, current) => $"第 {id} 号申报现在是「{current}」，改为哪一项？",
        UnknownRule = said => $"没有叫“{said}”的项目。请说项目名称或代码，例如“改规则 12 义务劳动”，或只说“改规则 12”从列表里选。",
        SameRule = (id, rule) => $"第 {id} 号申报已经是「{rule}」了，不用改。",
        Changed = (id, name, rule, points) => $"已把第 {id} 号申报改为「{rule}」，按这一项计 {points} 分，会告诉{name}。申报仍待审核，回复“通过 {id}”即可通过。",
        MemberRuleChanged = (id, what, from, to, points, reviewer) => $"你的第 {id} 号申报（{what}）由{reviewer}从「{from}」改为「{to}」，现为 {points} 分，仍在等待审核。",
        DecideHelp = "你正在修改一条申报的项目，选一个项目即可；说“取消”放弃。",
        HelpChangeRule = "改规则 12 义务劳动 —— 把第 12 号申报改为另一项目（分数随新项目）",
    };

    /// <summary>English.</summary>
    public static RuleChangeTexts English { get; } = new()
    {
        AskRule = (id, current) => $"Claim #{id} is now under \"{current}\". Which rule should it be?",
        UnknownRule = said => $"There is no rule called \"{said}\". Say a rule's name or code, e.g. \"change-rule 12 voluntary_labour\", or just \"change-rule 12\" to pick from a list.",
        SameRule = (id, rule) => $"Claim #{id} is already under \"{rule}\"; nothing to change.",
        Changed = (id, name, rule, points) => $"Claim #{id} is now under \"{rule}\" for {points} point(s); {name} will be told. It is still pending: reply \"approve {id}\" to approve it.",
        MemberRuleChanged = (id, what, from, to, points, reviewer) => $"Your claim #{id} ({what}) was moved by {reviewer} from \"{from}\" to \"{to}\"; it is now {points} point(s) and still awaits review.",
        DecideHelp = "You are changing a claim's rule: pick a rule, or say \"cancel\".",
        HelpChangeRule = "change-rule 12 voluntary_labour - move claim 12 to another rule (points follow the rule)",
    };

    /// <inheritdoc />
    public static RuleChangeTexts ForLanguage(ReplyLanguage language) => language switch
    {
        ReplyLanguage.Chinese => Chinese,
        ReplyLanguage.English => English,
        _ => throw new ArgumentOutOfRangeException(nameof(language), language, "No rule-change texts for this language."),
    };
}

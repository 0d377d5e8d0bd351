using ChatReport.Bot.Channels.DingTalk;
using ChatReport.Bot.Channels.WeCom;
using ChatReport.Conversation.Administration;
using ChatReport.Conversation.Claims;
using ChatReport.Conversation.Commands;
using ChatReport.Conversation.Deductions;
using ChatReport.Conversation.Groups;
using ChatReport.Conversation.Members;
using ChatReport.Conversation.Notices;
using ChatReport.Conversation.Points;
using ChatReport.Conversation.Review;
using ChatReport.Conversation.Tasks;
using ChatReport.Conversation.Understanding;

namespace ChatReport.Bot.Conversation;

/// <summary>
/// Every chat command, in the order a message is matched against them; help lists them in the
/// same order. Features register their commands wherever they like; this list alone decides the
/// order, and a registered command missing from it stops the bot at start.
/// </summary>
public static class ChatCommandOrder
{
    public static IReadOnlyList<Type> Commands { get; } =
    [
        // Members: what most messages are.
        typeof(JoinCommand),
        typeof(ReportCommand),
        typeof(MyPointsCommand),
        typeof(RankingSettingsCommand), // 排行榜设置 before 排行榜: the longer command must win.
        typeof(RankingCommand),
        typeof(WithdrawCommand),
        typeof(LinkCodeCommand),
        typeof(LinkCommand),

        // Reviewers. 全部通过 before 通过 12: the longer command must win.
        typeof(ApproveAllCommand),
        typeof(PendingClaimsCommand),
        typeof(DecideClaimCommand),
        typeof(ChangeRuleCommand),
        typeof(PostTaskCommand),
        typeof(JoinTaskCommand),
        typeof(CloseTaskCommand),
        typeof(DeductCommand),
        typeof(LearnedWordsCommand),

        // Administrators.
        typeof(CreateUnitCommand),
        typeof(AppointSecretaryCommand),
        typeof(AllowReviewCommand),
        typeof(IssueCodeCommand),
        typeof(PersonalCodeCommand),
        typeof(RevokeCodeCommand),
        typeof(MoveMemberCommand),
        typeof(DeactivateMemberCommand),
        typeof(ReloadRulesCommand),

        // Groups and the quarterly notice.
        typeof(SubscribeCommand),
        typeof(UnsubscribeCommand),
        typeof(SignOffCommand),
        typeof(ExportNoticeCommand),
        typeof(ObjectionsCommand),
        typeof(ResolveObjectionCommand),
        typeof(ObjectCommand),

        // Channels that are on only when configured.
        typeof(DingTalkRobotCommand),
        typeof(GroupRobotCommand),
    ];

    /// <summary>The registered commands in the declared order.</summary>
    /// <exception cref="InvalidOperationException">A registered command is not in <see cref="Commands"/>.</exception>
    public static IReadOnlyList<IChatCommand> Arrange(IEnumerable<IChatCommand> registered)
    {
        ArgumentNullException.ThrowIfNull(registered);
        var rank = Commands.Select((type, index) => (type, index)).ToDictionary(p => p.type, p => p.index);
        var commands = registered.ToList();
        if (commands.FirstOrDefault(c => !rank.ContainsKey(c.GetType())) is { } stray)
        {
            throw new InvalidOperationException($"{stray.GetType().Name} is registered as a chat command but has no place in {nameof(ChatCommandOrder)}.{nameof(Commands)}; add it there.");
        }

        return [.. commands.OrderBy(c => rank[c.GetType()])];
    }
}

using ChatReport.Dialogs.Commands;
using ChatReport.Dialogs.Deductions;
using ChatReport.Dialogs.Review;
using ChatReport.Dialogs.Tasks;
using ChatReport.Dialogs.Understanding;

namespace ChatReport.Bot.Conversation;

public static class SecretaryExtensions
{
    /// <summary>
    /// The reviewer's commands: review, deductions and service tasks. Call after
    /// <see cref="ConversationExtensions.AddChatReportConversation"/>, so the member commands keep
    /// priority (registration order is matching order).
    /// </summary>
    public static IHostApplicationBuilder AddChatReportSecretary(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddSingleton<PendingClaimsDialog>();
        services.AddSingleton<DecideClaimDialog>();
        services.AddSingleton<ApproveAllDialog>();
        services.AddSingleton<ChangeRuleDialog>();
        services.AddSingleton<LearnedWordsDialog>();
        services.AddSingleton<DeductDialog>();
        services.AddSingleton<PostTaskDialog>();
        services.AddSingleton<JoinTaskDialog>();
        services.AddSingleton<CloseTaskDialog>();

        // 全部通过 before 通过 12: the longer command must win.
        services.AddSingleton<IChatCommand, ApproveAllCommand>();
        services.AddSingleton<IChatCommand, PendingClaimsCommand>();
        services.AddSingleton<IChatCommand, DecideClaimCommand>();
        services.AddSingleton<IChatCommand, ChangeRuleCommand>();
        services.AddSingleton<IChatCommand, LearnedWordsCommand>();
        services.AddSingleton<IChatCommand, PostTaskCommand>();
        services.AddSingleton<IChatCommand, JoinTaskCommand>();
        services.AddSingleton<IChatCommand, CloseTaskCommand>();
        services.AddSingleton<IChatCommand, DeductCommand>();
        return builder;
    }
}

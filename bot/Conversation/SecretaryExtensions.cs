using ChatReport.Conversation.Commands;
using ChatReport.Conversation.Deductions;
using ChatReport.Conversation.Review;
using ChatReport.Conversation.Tasks;
using ChatReport.Conversation.Understanding;

namespace ChatReport.Bot.Conversation;

public static class SecretaryExtensions
{
    /// <summary>
    /// The reviewer's commands: review, deductions and service tasks (matched in
    /// <see cref="ChatCommandOrder"/>).
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

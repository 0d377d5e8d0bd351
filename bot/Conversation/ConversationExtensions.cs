using ChatReport.Bot.Messaging;
using ChatReport.Bot.Storage.Channels;
using ChatReport.Bot.Storage.Domain;
using ChatReport.Conversation.Claims;
using ChatReport.Conversation.Commands;
using ChatReport.Conversation.Main;
using ChatReport.Conversation.Members;
using ChatReport.Conversation.Points;
using ChatReport.Dialogs.Interruptions;
using ChatReport.Dialogs.Runtime;
using ChatReport.Dialogs.State;
using ChatReport.Dialogs.Turns;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatReport.Bot.Conversation;

public static class ConversationExtensions
{
    /// <summary>
    /// The conversation: dialogs (stateless singletons), the member commands, the root dialog,
    /// interruptions, the SQLite dialog state and the dialog bot as <see cref="IBot"/>. Other
    /// features add commands with <c>AddSingleton&lt;IChatCommand, T&gt;()</c>; the order they are
    /// matched in (and listed by help) is <see cref="ChatCommandOrder"/>, whatever the registration order.
    /// </summary>
    public static IHostApplicationBuilder AddChatReportConversation(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(new DialogRunnerOptions());
        services.TryAddSingleton<IDialogStateStore, DialogStateStore>();

        services.AddSingleton<JoinDialog>();
        services.AddSingleton<LinkDialog>();
        services.AddSingleton<ReportDialog>();
        services.AddSingleton<WithdrawDialog>();
        services.AddSingleton<MyPointsDialog>();
        services.AddSingleton<RankingDialog>();
        services.AddSingleton<RankingSettingsStore>().AddSingleton<IRankingSettings>(s => s.GetRequiredService<RankingSettingsStore>());
        services.AddSingleton<RankingSettingsDialog>();

        services.AddSingleton<IChatCommand, JoinCommand>();
        services.AddSingleton<IChatCommand, ReportCommand>();
        services.AddSingleton<IChatCommand, MyPointsCommand>();
        services.AddSingleton<IChatCommand, RankingCommand>();
        services.AddSingleton<IChatCommand, RankingSettingsCommand>();
        services.AddSingleton<IChatCommand, WithdrawCommand>();
        services.AddSingleton<IChatCommand, LinkCodeCommand>();
        services.AddSingleton<IChatCommand, LinkCommand>();
        services.AddSingleton<SmallTalkDialog>();
        // Questions and chit-chat first: a question that names a deed is not a report.
        services.AddSingleton<IUnmatchedTextHandler, SmallTalkTextHandler>();
        services.AddSingleton<IUnmatchedTextHandler, ReportTextHandler>();

        services.AddSingleton(provider => new ChatCommandCatalog(ChatCommandOrder.Arrange(provider.GetServices<IChatCommand>())));
        services.AddSingleton<ITurnPreparation, MessagePrecomputer>();
        services.AddSingleton<ITopLevelCommandRecognizer>(provider => provider.GetRequiredService<ChatCommandCatalog>());
        services.AddSingleton<MainDialog>();

        // In this order: cancel beats everything, help keeps the dialog, a new command starts over.
        services.AddSingleton<IInterruptionHandler, CancelInterruptionHandler>();
        services.AddSingleton<IInterruptionHandler, HelpInterruptionHandler>();
        services.AddSingleton<IInterruptionHandler, RestartOnCommandInterruptionHandler>();

        services.AddSingleton(provider => new DialogRunner(
            provider.GetRequiredService<MainDialog>(),
            provider.GetRequiredService<IDialogStateStore>(),
            provider.GetServices<IInterruptionHandler>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<DialogRunnerOptions>(),
            provider.GetRequiredService<ILogger<DialogRunner>>()));

        services.AddSingleton<ChatReportBot>();
        services.AddSingleton<IBot>(provider => provider.GetRequiredService<ChatReportBot>());
        services.AddSingleton<ITurnErrorObserver, DialogStateResetObserver>();
        services.AddHostedService<DialogStatePruner>();
        return builder;
    }
}

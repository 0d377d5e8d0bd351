using ChatReport.Dialogs.Localization;
using ChatReport.Dialogs.Runtime;
using ChatReport.Dialogs.Schema;
using ChatReport.Dialogs.Turns;

namespace ChatReport.Dialogs.Conversation;

/// <summary>
/// The bot: greets people when it meets them (a user added to a personal chat, or the bot added
/// to a group) and hands every activity to the dialog runner.
/// </summary>
public sealed class ChatReportBot : IBot
{
    private readonly DialogRunner _runner;

    /// <summary>Creates the bot over the runner.</summary>
    /// <param name="runner">Runs the dialogs.</param>
    public ChatReportBot(DialogRunner runner)
    {
        ArgumentNullException.ThrowIfNull(runner);
        _runner = runner;
    }

    /// <inheritdoc />
    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        if (activity.IsType(ActivityTypes.ConversationUpdate))
        {
            await WelcomeAsync(turnContext, cancellationToken);
            return;
        }

        await _runner.RunAsync(turnContext, cancellationToken);
    }

    private static async Task WelcomeAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var texts = ConversationTexts.ForLanguage(UserLocale.FromLocale(activity.Locale) ?? ReplyLanguage.Chinese);
        var isGroup = activity.Conversation?.IsGroup == true;
        foreach (var added in activity.MembersAdded ?? [])
        {
            var isBot = string.Equals(added.Id, activity.Recipient?.Id, StringComparison.Ordinal);
            if (isBot && isGroup)
            {
                await turnContext.SendTextAsync(texts.GroupWelcome, cancellationToken);
            }
            else if (!isBot && !isGroup)
            {
                // One welcome per personal chat: the user is added once, when they first open it.
                await turnContext.SendTextAsync(texts.Welcome, cancellationToken);
            }
        }
    }
}

using ChatReport.Conversation.Common;
using ChatReport.Conversation.Domain;
using ChatReport.Dialogs.Localization;
using ChatReport.Dialogs.Runtime;
using ChatReport.Dialogs.Schema;
using ChatReport.Dialogs.Turns;

namespace ChatReport.Conversation.Main;

/// <summary>
/// The bot: greets people when it meets them (a user who has not joined yet added to a personal
/// chat, or the bot added to a group) and hands every activity to the dialog runner. The bot
/// alone added to a personal chat (Teams sends that on install, and again on reinstall) greets
/// nobody: the person's first message gets the welcome anyway, so it is never said twice.
/// </summary>
public sealed class ChatReportBot : IBot
{
    private readonly DialogRunner _runner;
    private readonly IMemberDirectory _members;

    /// <summary>Creates the bot over the runner.</summary>
    /// <param name="runner">Runs the dialogs.</param>
    /// <param name="members">Who has joined already, so members are not told how to join.</param>
    public ChatReportBot(DialogRunner runner, IMemberDirectory members)
    {
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(members);
        _runner = runner;
        _members = members;
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

    private async Task WelcomeAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var texts = ConversationTexts.ForLanguage(UserLocale.FromLocale(activity.Locale) ?? ReplyLanguage.Chinese);
        var isGroup = activity.Conversation?.IsGroup == true;
        var added = activity.MembersAdded ?? [];
        var botAdded = added.Any(a => IsBot(activity, a));
        if (isGroup)
        {
            // People joining a group are not greeted one by one: that would be noise for everyone.
            if (botAdded)
            {
                await turnContext.SendTextAsync(texts.GroupWelcome, cancellationToken);
            }

            return;
        }

        // One welcome per personal chat, however many accounts the update names; members already know us.
        if (added.FirstOrDefault(a => !IsBot(activity, a) && !string.IsNullOrEmpty(a.Id)) is not { } user
            || (!string.IsNullOrEmpty(activity.ChannelId) && await _members.FindByAccountAsync(activity.ChannelId, user.Id!, cancellationToken) is not null))
        {
            return;
        }

        await turnContext.SendTextAsync(texts.Welcome, cancellationToken);
    }

    private static bool IsBot(Activity activity, ChannelAccount account) =>
        string.Equals(account.Id, activity.Recipient?.Id, StringComparison.Ordinal);
}

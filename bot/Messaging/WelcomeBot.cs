using ChatReport.Dialogs.Schema;
using ChatReport.Dialogs.Turns;

namespace ChatReport.Bot.Messaging;

/// <summary>
/// A stand-in until the dialog bot is wired in: greets people who join and tells anyone who
/// writes that the conversations are on their way.
/// </summary>
public sealed class WelcomeBot : IBot
{
    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        var english = UserLanguage.IsEnglish(activity.Locale);

        if (activity.IsType(ActivityTypes.ConversationUpdate))
        {
            foreach (var member in activity.MembersAdded ?? [])
            {
                var isBot = string.Equals(member.Id, activity.Recipient?.Id, StringComparison.Ordinal);
                if (isBot && activity.Conversation?.IsGroup != true)
                {
                    continue;
                }

                var text = (isBot, english) switch
                {
                    (true, true) => "Hello everyone, I am ChatReport. Mention me to report a good deed.",
                    (true, false) => "大家好，我是 ChatReport。@我 即可申报好人好事。",
                    (false, true) => $"Welcome{(member.Name is { Length: > 0 } n ? ", " + n : "")}! I am ChatReport.",
                    (false, false) => $"欢迎{member.Name}！我是 ChatReport。",
                };
                await turnContext.SendTextAsync(text, cancellationToken);
            }
        }
        else if (activity.IsType(ActivityTypes.Message))
        {
            await turnContext.SendTextAsync(
                english ? "ChatReport is starting; dialogs come soon." : "ChatReport 正在启动，对话功能即将上线。",
                cancellationToken);
        }
    }
}

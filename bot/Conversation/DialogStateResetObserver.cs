using ChatReport.Bot.Messaging;
using ChatReport.Dialogs.Runtime;
using ChatReport.Dialogs.Turns;

namespace ChatReport.Bot.Conversation;

/// <summary>After a failed turn, forgets that conversation's dialog stack, so the same failure cannot loop.</summary>
public sealed class DialogStateResetObserver(DialogRunner runner) : ITurnErrorObserver
{
    public async Task OnTurnErrorAsync(ITurnContext turnContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (turnContext.Activity.Conversation?.Id is { Length: > 0 } && turnContext.Activity.From?.Id is { Length: > 0 } && turnContext.Activity.ChannelId is { Length: > 0 })
        {
            await runner.ResetAsync(turnContext, cancellationToken);
        }
    }
}

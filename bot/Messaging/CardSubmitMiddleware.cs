using ChatReport.Conversation.Commands;
using ChatReport.Dialogs.Schema;

namespace ChatReport.Bot.Messaging;

/// <summary>
/// A card button pressed on Web Chat or Direct Line arrives as a message with no text and the
/// command in <c>value</c>; giving it that text lets dialogs and prompts treat it exactly like
/// the typed command.
/// </summary>
public sealed class CardSubmitMiddleware : ITurnMiddleware
{
    public Task OnTurnAsync(TurnContext turnContext, Func<CancellationToken, Task> nextAsync, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(nextAsync);
        if (turnContext.Activity.IsType(ActivityTypes.Message) && CardCommand.FromSubmit(turnContext.Activity) is { Length: > 0 } command)
        {
            turnContext.Activity = turnContext.Activity with { Text = command };
        }

        return nextAsync(cancellationToken);
    }
}

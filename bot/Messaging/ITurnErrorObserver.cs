using ChatReport.Dialogs.Turns;

namespace ChatReport.Bot.Messaging;

/// <summary>
/// Told when a turn failed, after the user got an apology. The dialog layer registers one that
/// clears that conversation's dialog state, so a broken step cannot fail the same way forever.
/// </summary>
public interface ITurnErrorObserver
{
    Task OnTurnErrorAsync(ITurnContext turnContext, Exception exception, CancellationToken cancellationToken);
}

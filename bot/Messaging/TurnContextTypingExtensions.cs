using ChatReport.Dialogs.Schema;
using ChatReport.Dialogs.Turns;

namespace ChatReport.Bot.Messaging;

public static class TurnContextTypingExtensions
{
    /// <summary>Shows "typing…" for about three seconds; channels drop it after that.</summary>
    public static Task<ResourceResponse> SendTypingAsync(this ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return turnContext.SendActivityAsync(new Activity { Type = ActivityTypes.Typing }, cancellationToken);
    }
}

using ChatReport.Dialogs.Schema;

namespace ChatReport.Dialogs.Turns;

/// <summary>Shorthands for the common sends.</summary>
public static class TurnContextExtensions
{
    /// <summary>Sends a plain text message in reply to the inbound activity.</summary>
    public static Task<ResourceResponse> SendTextAsync(this ITurnContext turnContext, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return turnContext.SendActivityAsync(turnContext.Activity.CreateReply(text), cancellationToken);
    }
}

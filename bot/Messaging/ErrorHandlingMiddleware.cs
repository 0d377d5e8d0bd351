using ChatReport.Bot.Storage.Connections;
using ChatReport.Dialogs.Schema;
using ChatReport.Dialogs.Turns;

namespace ChatReport.Bot.Messaging;

/// <summary>
/// Turns a failed turn into a logged exception, a short apology in the user's language, and a
/// 200 for the channel: a 5xx would make the channel redeliver into the same failure.
/// Everything the failed part wrote or queued to send is rolled back first (it ran in a savepoint
/// of the turn); registered observers (the dialog layer) then reset that conversation.
/// </summary>
public sealed class ErrorHandlingMiddleware(IEnumerable<ITurnErrorObserver> observers, GroupCommit commits, ILogger<ErrorHandlingMiddleware> logger) : ITurnMiddleware
{
    private const string AdaptiveCardAction = "adaptiveCard/action";

    public async Task OnTurnAsync(TurnContext turnContext, Func<CancellationToken, Task> nextAsync, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(nextAsync);
        var buffered = turnContext.BufferedReplies.Count;
        try
        {
            await commits.RunAsync(
                async ct =>
                {
                    await nextAsync(ct);
                    return true;
                },
                cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var activity = turnContext.Activity;
            logger.LogError(ex, "Turn for {ActivityType} {ActivityId} in {ConversationId} failed", activity.Type, activity.Id, activity.Conversation?.Id);
            turnContext.DiscardBufferedRepliesAfter(buffered);
            turnContext.InvokeResponse = null;
            await ApologizeAsync(turnContext, cancellationToken);
            await NotifyObserversAsync(turnContext, ex, cancellationToken);
        }
    }

    private async Task ApologizeAsync(TurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var english = UserLanguage.IsEnglish(activity.Locale);
        if (activity.IsType(ActivityTypes.Invoke) && turnContext.InvokeResponse is null)
        {
            // Universal Actions expect their error inside a 200; other invokes just get the 200.
            turnContext.InvokeResponse = string.Equals(activity.Name, AdaptiveCardAction, StringComparison.Ordinal)
                ? InvokeResponse.Create(StatusCodes.Status200OK, new
                {
                    statusCode = StatusCodes.Status500InternalServerError,
                    type = "application/vnd.microsoft.error",
                    value = new { code = "InternalError", message = english ? "Something went wrong." : "处理出错了。" },
                })
                : new InvokeResponse(StatusCodes.Status200OK, null);
        }

        if (!activity.IsType(ActivityTypes.Message) && !activity.IsType(ActivityTypes.Invoke))
        {
            return;
        }

        try
        {
            await turnContext.SendTextAsync(
                english ? "Sorry, something went wrong. Please try again." : "抱歉，出了点问题，请稍后再试。",
                cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Could not send the apology for {ActivityId}", activity.Id);
        }
    }

    private async Task NotifyObserversAsync(TurnContext turnContext, Exception failure, CancellationToken cancellationToken)
    {
        foreach (var observer in observers)
        {
            try
            {
                await observer.OnTurnErrorAsync(turnContext, failure, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Turn error observer {Observer} failed", observer.GetType().Name);
            }
        }
    }
}

namespace ChatReport.Bot.Messaging;

/// <summary>Puts the activity's ids on every log line written during the turn.</summary>
public sealed class LoggingScopeMiddleware(TimeProvider time, ILogger<LoggingScopeMiddleware> logger) : ITurnMiddleware
{
    public async Task OnTurnAsync(TurnContext turnContext, Func<CancellationToken, Task> nextAsync, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(nextAsync);
        var activity = turnContext.Activity;
        using var scope = logger.BeginScope(new Dictionary<string, object?>
        {
            ["ActivityId"] = activity.Id,
            ["ActivityType"] = activity.Type,
            ["ChannelId"] = activity.ChannelId,
            ["ConversationId"] = activity.Conversation?.Id,
        });
        var started = time.GetTimestamp();
        await nextAsync(cancellationToken);
        logger.LogDebug("Turn for {ActivityType} {ActivityId} took {ElapsedMs} ms", activity.Type, activity.Id, time.GetElapsedTime(started).TotalMilliseconds);
    }
}

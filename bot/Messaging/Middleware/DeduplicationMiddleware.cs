using ChatReport.Dialogs.Schema;

namespace ChatReport.Bot.Messaging.Middleware;

/// <summary>
/// Runs each activity at most once per channel and conversation. Teams re-POSTs an activity
/// whose turn takes over 15 s, often while the first delivery is still running, and nothing in
/// the platform de-duplicates.
/// </summary>
/// <remarks>
/// The id is claimed (committed) before the turn runs, so a redelivery racing the first
/// delivery is acknowledged and dropped. If the turn is cancelled (the host shuts down or the
/// channel hangs up) the claim is released so the channel's retry can run it. If the process
/// dies mid-turn the claim stays: that activity is not run again (at most once), and the user
/// sends it again. The dialog layer that commits a turn's domain change should record the id in
/// the same transaction to be exact.
/// </remarks>
public sealed class DeduplicationMiddleware(ProcessedActivityStore store, ILogger<DeduplicationMiddleware> logger) : ITurnMiddleware
{
    public async Task OnTurnAsync(TurnContext turnContext, Func<CancellationToken, Task> nextAsync, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(nextAsync);
        var activity = turnContext.Activity;
        if (string.IsNullOrEmpty(activity.Id) || activity.Conversation?.Id is not { Length: > 0 } conversationId)
        {
            await nextAsync(cancellationToken);
            return;
        }

        var channelId = activity.ChannelId ?? "";
        if (!await store.TryClaimAsync(channelId, conversationId, activity.Id, cancellationToken))
        {
            logger.LogInformation("Activity {ActivityId} in {ConversationId} was already processed; acknowledging the redelivery", activity.Id, conversationId);
            if (activity.IsType(ActivityTypes.Invoke))
            {
                // The first delivery answered the invoke; a 501 here would look like a failure.
                turnContext.InvokeResponse = new InvokeResponse(StatusCodes.Status200OK, null);
            }

            return;
        }

        try
        {
            await nextAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The request token is already cancelled; the release must still reach the file.
            await store.ReleaseAsync(channelId, conversationId, activity.Id, CancellationToken.None);
            throw;
        }
    }
}

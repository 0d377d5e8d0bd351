using ChatReport.Bot.Storage.Channels;
using ChatReport.Dialogs.Schema;

namespace ChatReport.Bot.Messaging;

/// <summary>
/// Runs each activity at most once per channel and conversation. Teams re-POSTs an activity
/// whose turn takes over 15 s, often while the first delivery is still running, and nothing in
/// the platform de-duplicates.
/// </summary>
/// <remarks>
/// The id is recorded in the turn's own transaction, so it becomes durable together with
/// everything the turn did, or not at all: exactly once. A redelivery racing the first delivery
/// runs after it on the same writer and finds the record; a redelivery after a crash before the
/// commit finds nothing and runs the turn from the start.
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

        await nextAsync(cancellationToken);
    }
}

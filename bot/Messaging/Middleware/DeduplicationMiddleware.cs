using ChatReport.Bot.Storage;
using ChatReport.Dialogs.Schema;

namespace ChatReport.Bot.Messaging.Middleware;

/// <summary>
/// Runs each activity at most once per channel and conversation. Teams re-POSTs an activity
/// whose turn takes over 15 s, often while the first delivery is still running, and nothing in
/// the platform de-duplicates.
/// </summary>
/// <remarks>
/// The id is claimed, in its own committed transaction, before the turn runs, so a redelivery
/// racing the first delivery is acknowledged and dropped. The claim is never released: if the
/// process dies mid-turn, that activity is not run again (at most once) and the user, who got
/// no answer, sends it again. Releasing on failure would risk the worse outcome: a turn that had
/// already committed its points award running a second time. If the claim itself cannot be
/// written the request fails with 500 before the turn runs, and the channel's retry is welcome.
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

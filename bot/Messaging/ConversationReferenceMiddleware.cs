using ChatReport.Bot.Storage.Channels;

namespace ChatReport.Bot.Messaging;

/// <summary>
/// Remembers where every conversation the bot sees can be reached later (digests, notices to a
/// secretary). The serviceUrl counts as verified only when authentication vouched for it.
/// </summary>
public sealed class ConversationReferenceMiddleware(ConversationReferenceStore references, TimeProvider time) : ITurnMiddleware
{
    public async Task OnTurnAsync(TurnContext turnContext, Func<CancellationToken, Task> nextAsync, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(nextAsync);
        var reference = StoredConversationReference.FromActivity(turnContext.Activity, turnContext.Authentication.ServiceUrlVerified, time.GetUtcNow());
        if (reference is not null)
        {
            await references.SaveAsync(reference, cancellationToken);
        }

        await nextAsync(cancellationToken);
    }
}

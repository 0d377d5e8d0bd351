namespace ChatReport.Bot.Connector;

/// <summary>
/// Takes a permit from <see cref="ConversationRateLimiter"/> before a Connector call. It sits
/// outside the retry handler, so a call waits for its permit once and a wait in the queue is
/// not mistaken for a slow attempt.
/// </summary>
public sealed class RateLimitingHandler(ConversationRateLimiter limiter) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var conversationId = request.Options.TryGetValue(ConnectorClient.ConversationKey, out var id) ? id : "";
        using var lease = await limiter.AcquireAsync(conversationId, cancellationToken);
        if (!lease.IsAcquired)
        {
            throw new HttpRequestException($"Too many Connector calls are already waiting for conversation '{conversationId}'.");
        }

        return await base.SendAsync(request, cancellationToken);
    }
}

namespace ChatReport.Bot.Messaging;

/// <summary>
/// Cross-cutting work around every inbound turn. Middleware is registered in DI and runs in
/// registration order; each decides whether to call <c>nextAsync</c>.
/// </summary>
public interface ITurnMiddleware
{
    Task OnTurnAsync(TurnContext turnContext, Func<CancellationToken, Task> nextAsync, CancellationToken cancellationToken);
}

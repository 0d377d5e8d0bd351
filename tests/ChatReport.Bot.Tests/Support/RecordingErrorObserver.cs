using System.Collections.Concurrent;
using ChatReport.Bot.Messaging;
using ChatReport.Dialogs.Turns;

namespace ChatReport.Bot.Tests.Support;

public sealed class RecordingErrorObserver : ITurnErrorObserver
{
    private readonly ConcurrentQueue<(string? ConversationId, Exception Exception)> _errors = new();

    public IReadOnlyList<(string? ConversationId, Exception Exception)> Errors => [.. _errors];

    public Task OnTurnErrorAsync(ITurnContext turnContext, Exception exception, CancellationToken cancellationToken)
    {
        _errors.Enqueue((turnContext.Activity.Conversation?.Id, exception));
        return Task.CompletedTask;
    }
}

using ChatReport.Bot.Metrics;
using ChatReport.Dialogs.Turns;

namespace ChatReport.Bot.Messaging;

/// <summary>Marks the turn being measured as an error when the pipeline caught a failure and apologised.</summary>
public sealed class TurnErrorMetrics : ITurnErrorObserver
{
    public Task OnTurnErrorAsync(ITurnContext turnContext, Exception exception, CancellationToken cancellationToken)
    {
        if (TurnMeasurement.Current is { } turn)
        {
            turn.HadError = true;
        }

        return Task.CompletedTask;
    }
}

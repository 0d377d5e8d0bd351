using ChatReport.Bot.Messaging;

namespace ChatReport.Bot.Metrics;

/// <summary>
/// One turn being timed. While it is open it is the current turn of its async flow, so that
/// <see cref="TurnErrorMetrics"/> can mark a turn that failed inside the pipeline (the channel
/// still hears 200 then). Disposing records the turn once.
/// </summary>
public sealed class TurnMeasurement : IDisposable
{
    private static readonly AsyncLocal<TurnMeasurement?> CurrentTurn = new();

    private readonly ChatReportMetrics _metrics;
    private readonly string _channel;
    private readonly long _startedAt;
    private readonly TurnMeasurement? _outer;
    private string _outcome = "failed";
    private bool _recorded;

    internal TurnMeasurement(ChatReportMetrics metrics, string channel, long startedAt)
    {
        _metrics = metrics;
        _channel = channel;
        _startedAt = startedAt;
        _outer = CurrentTurn.Value;
        CurrentTurn.Value = this;
    }

    internal static TurnMeasurement? Current => CurrentTurn.Value;

    internal bool HadError { get; set; }

    /// <summary>The status code the channel hears; without this call the turn counts as failed (it threw).</summary>
    public void Complete(int statusCode) =>
        _outcome = statusCode is >= 200 and < 300 ? (HadError ? "error" : "completed") : "rejected";

    public void Dispose()
    {
        if (_recorded)
        {
            return;
        }

        _recorded = true;
        CurrentTurn.Value = _outer;
        _metrics.RecordTurn(_channel, _outcome, _startedAt);
    }
}

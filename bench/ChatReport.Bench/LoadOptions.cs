namespace ChatReport.Bench;

/// <summary>How a load run drives a bot.</summary>
/// <param name="Conversations">Conversations at once, each a closed loop of member flows.</param>
/// <param name="Duration">Wall time; a flow under way at the end is left unfinished.</param>
/// <param name="TurnsPerSecond">A steady rate over all conversations, or null to go as fast as the bot answers.</param>
/// <param name="Redeliver">Post every activity twice with the same id (alternately after the reply and at the same time).</param>
/// <param name="ChannelRetries">
/// Behave like a channel and a person when the bot is away: redeliver an unacknowledged activity
/// (same id) until it is acknowledged, and send the text again (new id) when an acknowledged
/// activity never gets a reply.
/// </param>
/// <param name="ReplyTimeout">How long to wait for the reply of one turn.</param>
/// <param name="OnTurn">Called with each answered turn's latency in ms (for windowed series).</param>
internal sealed record LoadOptions(
    int Conversations,
    TimeSpan Duration,
    double? TurnsPerSecond = null,
    bool Redeliver = false,
    bool ChannelRetries = false,
    TimeSpan? ReplyTimeout = null,
    Action<double>? OnTurn = null);

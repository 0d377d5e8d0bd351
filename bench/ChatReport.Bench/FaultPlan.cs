namespace ChatReport.Bench;

/// <summary>
/// How often the Connector stub misbehaves: shares (0..1) of calls answered 429 with
/// Retry-After: 1, answered 503, or held for <see cref="Stall"/> (past the bot's attempt timeout)
/// and then answered 503.
/// </summary>
internal sealed record FaultPlan(double TooManyRequests, double Unavailable, double Stalls, TimeSpan Stall)
{
    public static readonly FaultPlan None = new(0, 0, 0, TimeSpan.Zero);
}

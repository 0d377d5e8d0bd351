namespace ChatReport.Bench;

/// <summary>What one load run counted; latencies in ms, sorted.</summary>
internal sealed record LoadResult(
    TimeSpan Elapsed,
    int Turns,
    int Errors,
    int Apologies,
    int Flows,
    int SubmitsAcknowledged,
    int SubmitsConfirmed,
    int Redeliveries,
    int Resends,
    double[] Latencies,
    IReadOnlyList<AcknowledgedSubmit> Submits)
{
    public double TurnsPerSecond => Turns / Elapsed.TotalSeconds;

    public double Percentile(double p) =>
        Latencies.Length == 0 ? double.NaN : Latencies[Math.Min(Latencies.Length - 1, Math.Max(0, (int)Math.Ceiling(p * Latencies.Length) - 1))];
}

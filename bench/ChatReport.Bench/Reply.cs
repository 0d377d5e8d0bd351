namespace ChatReport.Bench;

/// <summary>A reply as it reached the Connector stub: when (Stopwatch timestamp) and its text.</summary>
internal sealed record Reply(long ArrivedAt, string? Text);

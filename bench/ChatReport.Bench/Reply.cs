namespace ChatReport.Bench;

/// <summary>
/// A reply as it reached the Connector stub: when (Stopwatch timestamp), its text, and the
/// <c>Authorization</c> header it came with (null when none), so an authenticated run can check it.
/// </summary>
internal sealed record Reply(long ArrivedAt, string? Text, string? Authorization);

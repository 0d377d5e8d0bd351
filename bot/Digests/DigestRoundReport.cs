namespace ChatReport.Bot.Digests;

/// <summary>What one round of the dispatcher did.</summary>
/// <param name="Due">Group digests this round was responsible for (new and abandoned ones).</param>
/// <param name="Sent">Sent by this instance.</param>
/// <param name="Skipped">Recorded as empty days.</param>
/// <param name="Failed">Given up after the allowed attempts (or a permanent error).</param>
/// <param name="TakenByOthers">Claimed by another instance first, or lost to it after the lease ran out.</param>
/// <param name="Superseded">Abandoned claims of older days given up because a newer digest covers them.</param>
public sealed record DigestRoundReport(int Due, int Sent, int Skipped, int Failed, int TakenByOthers, int Superseded)
{
    public static DigestRoundReport Nothing { get; } = new(0, 0, 0, 0, 0, 0);
}

namespace ChatReport.Conversation.Domain;

/// <summary>How long codes issued in chat work (the command line chooses its own).</summary>
/// <param name="ChatCodeLifetime">From issue to expiry, for join codes and personal codes issued in chat.</param>
public sealed record JoinCodePolicy(TimeSpan ChatCodeLifetime)
{
    /// <summary>Thirty days: long enough to hand a code round a branch meeting, short enough that a leaked one dies.</summary>
    public static JoinCodePolicy Default { get; } = new(TimeSpan.FromDays(30));
}

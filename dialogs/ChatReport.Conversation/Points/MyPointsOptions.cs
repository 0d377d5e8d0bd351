namespace ChatReport.Conversation.Points;

/// <summary>What 我的积分 was asked for: an earlier cycle's year, or null for today's cycle.</summary>
/// <param name="Year">The cycle's year.</param>
public sealed record MyPointsOptions(int? Year);

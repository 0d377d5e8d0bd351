namespace ChatReport.Conversation.Points;

/// <summary>The 排行榜设置 waterfall's state: the request and the secretary.</summary>
/// <param name="Privacy">The setting asked for; null to show the current one.</param>
/// <param name="ActorId">The secretary, once known.</param>
/// <param name="Unreadable">Words that named no setting.</param>
public sealed record RankingSettingsState(RankingPrivacy? Privacy, long? ActorId = null, string? Unreadable = null);

namespace ChatReport.Conversation.Points;

/// <summary>What 排行榜设置 asked for: a new setting, nothing (show the current one), or words it could not read.</summary>
/// <param name="Privacy">The setting asked for; null to show the current one or when <paramref name="Unreadable"/> is set.</param>
/// <param name="Unreadable">The words after the command when they name no setting.</param>
public sealed record RankingSettingsOptions(RankingPrivacy? Privacy, string? Unreadable = null);

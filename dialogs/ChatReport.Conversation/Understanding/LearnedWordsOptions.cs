namespace ChatReport.Conversation.Understanding;

/// <summary>What 学习词 / 删除学习词 玉米 asked.</summary>
/// <param name="Forget">The word to remove; null to list.</param>
/// <param name="UnitId">The branch named with #id, or null for the asker's own.</param>
public sealed record LearnedWordsOptions(string? Forget, long? UnitId);

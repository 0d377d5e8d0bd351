namespace ChatReport.Bot.Storage.Channels;

/// <summary>One history row: its place in the conversation (the watermark) and the JSON clients get.</summary>
public sealed record StoredActivity(long Sequence, string Type, string ActivityJson);

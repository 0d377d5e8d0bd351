namespace ChatReport.Bot.Storage.Channels;

/// <summary>Replies waiting in the outbox, and when the oldest of them was first kept (null when none wait).</summary>
public sealed record OutboxBacklog(long Depth, DateTimeOffset? OldestCreatedAt);

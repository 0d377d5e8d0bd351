namespace ChatReport.Bot.Outbox;

/// <summary>Messages not yet delivered, and when the oldest of them was decided.</summary>
public sealed record OutboxBacklog(long Pending, DateTimeOffset? OldestCreatedAt);

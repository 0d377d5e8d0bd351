namespace ChatReport.Bot.Outbox;

/// <summary>A reply waiting to be sent again.</summary>
public sealed record OutboxItem(long Id, string ServiceUrl, string ConversationId, string ActivityJson, int Attempts, DateTimeOffset NextAttemptAt, DateTimeOffset CreatedAt);

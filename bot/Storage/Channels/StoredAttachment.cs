namespace ChatReport.Bot.Storage.Channels;

/// <summary>A file kept for an upload; <paramref name="Content"/> is the original bytes.</summary>
public sealed record StoredAttachment(string Id, string ConversationId, string ContentType, string? Name, byte[] Content, DateTimeOffset CreatedAt);

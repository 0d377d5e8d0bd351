namespace ChatReport.Bot.Storage.Channels;

/// <summary>A picture a member sent, downloaded from DingTalk and kept as claim evidence.</summary>
public sealed record DingTalkFile(string Id, string ConversationId, string ContentType, byte[] Content, DateTimeOffset CreatedAt);

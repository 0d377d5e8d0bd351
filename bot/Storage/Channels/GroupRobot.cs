namespace ChatReport.Bot.Storage.Channels;

/// <summary>A WeCom group robot that receives a branch's digests; <see cref="WebhookKey"/> is a secret.</summary>
public sealed record GroupRobot(string ConversationId, string WebhookKey, string KeyHint, long? AddedBy, DateTimeOffset AddedAt);

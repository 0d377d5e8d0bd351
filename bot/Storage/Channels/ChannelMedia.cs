namespace ChatReport.Bot.Storage.Channels;

/// <summary>A photo a member sent on a platform channel, kept because the platform's copy expires.</summary>
public sealed record ChannelMedia(string Id, string ChannelId, string UserId, string ContentType, byte[] Content, DateTimeOffset CreatedAt);

namespace ChatReport.Bot.Tests.Instances;

/// <summary>One activity a bot posted to the <see cref="ConnectorStub"/>: where, in reply to what, and its place in the order of arrival.</summary>
public sealed record ReceivedActivity(string ConversationId, string? ReplyToId, string? Type, string? Text, long Arrival);

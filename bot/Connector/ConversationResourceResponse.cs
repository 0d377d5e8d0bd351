namespace ChatReport.Bot.Connector;

/// <summary>What <c>POST v3/conversations</c> answers: the new conversation, and where to reach it.</summary>
public sealed record ConversationResourceResponse(string? Id, string? ActivityId, string? ServiceUrl);

namespace ChatReport.Conversation.Domain;

/// <summary>
/// The activity a change came from. A channel that redelivers the same activity sends the same
/// key, so a change keyed on it happens once.
/// </summary>
/// <param name="ChannelId">The activity's channel id.</param>
/// <param name="ConversationId">Its conversation id.</param>
/// <param name="ActivityId">Its id.</param>
public sealed record ActivityKey(string ChannelId, string ConversationId, string ActivityId);

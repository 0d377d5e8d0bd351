namespace ChatReport.Bot.Storage.Channels;

/// <summary>
/// A message waiting in the outbox, already addressed. <see cref="NextAttemptAt"/> is when it is
/// due, or, while someone holds it, when their claim runs out.
/// </summary>
public sealed record OutboxItem(
    long Id,
    string ChannelId,
    string ServiceUrl,
    string ConversationId,
    string ActivityJson,
    int Attempts,
    DateTimeOffset NextAttemptAt,
    DateTimeOffset CreatedAt)
{
    /// <summary>Messages of one conversation are delivered in order; this names the conversation.</summary>
    public string ConversationKey => ChannelId + "\n" + ConversationId;
}

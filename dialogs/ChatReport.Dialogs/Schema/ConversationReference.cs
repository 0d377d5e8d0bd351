namespace ChatReport.Dialogs.Schema;

/// <summary>Everything needed to post into a conversation later (proactive messages).</summary>
public sealed record ConversationReference
{
    public string? ActivityId { get; init; }

    public ChannelAccount? User { get; init; }

    public ChannelAccount? Bot { get; init; }

    public ConversationAccount? Conversation { get; init; }

    public string? ChannelId { get; init; }

    public string? ServiceUrl { get; init; }

    public string? Locale { get; init; }
}

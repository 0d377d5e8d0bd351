using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatReport.Dialogs.Schema;

/// <summary>
/// A Bot Framework activity (schema 3.1). Open JSON members stay <see cref="JsonElement"/>,
/// and members this version does not know are kept in <see cref="Properties"/> so that
/// <c>channelData</c>, <c>entities</c> and future fields survive a round trip.
/// </summary>
public sealed record Activity
{
    public string? Type { get; init; }

    public string? Id { get; init; }

    public DateTimeOffset? Timestamp { get; init; }

    public DateTimeOffset? LocalTimestamp { get; init; }

    public string? LocalTimezone { get; init; }

    public string? ServiceUrl { get; init; }

    public string? ChannelId { get; init; }

    public ChannelAccount? From { get; init; }

    public ConversationAccount? Conversation { get; init; }

    public ChannelAccount? Recipient { get; init; }

    public string? TextFormat { get; init; }

    public string? AttachmentLayout { get; init; }

    public IReadOnlyList<ChannelAccount>? MembersAdded { get; init; }

    public IReadOnlyList<ChannelAccount>? MembersRemoved { get; init; }

    public string? TopicName { get; init; }

    public string? Locale { get; init; }

    public string? Text { get; init; }

    public string? Speak { get; init; }

    public string? InputHint { get; init; }

    public string? Summary { get; init; }

    public SuggestedActions? SuggestedActions { get; init; }

    public IReadOnlyList<Attachment>? Attachments { get; init; }

    public IReadOnlyList<JsonElement>? Entities { get; init; }

    public JsonElement? ChannelData { get; init; }

    public string? Action { get; init; }

    public string? ReplyToId { get; init; }

    public string? Label { get; init; }

    public string? ValueType { get; init; }

    public JsonElement? Value { get; init; }

    public string? Name { get; init; }

    public ConversationReference? RelatesTo { get; init; }

    public string? Code { get; init; }

    public DateTimeOffset? Expiration { get; init; }

    public string? Importance { get; init; }

    public string? DeliveryMode { get; init; }

    public string? CallerId { get; init; }

    /// <summary>Members this version does not know, kept so they survive a round trip.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; init; }

    /// <summary>True when the activity has the given type (types are compared ordinally).</summary>
    public bool IsType(string type) => string.Equals(Type, type, StringComparison.Ordinal);

    /// <summary>
    /// Where this activity came from, for replying later. The bot is the inbound recipient and
    /// the user the inbound sender.
    /// </summary>
    public ConversationReference GetConversationReference() => new()
    {
        ActivityId = SkipsReplyTarget() ? null : Id,
        User = From,
        Bot = Recipient,
        Conversation = Conversation,
        ChannelId = ChannelId,
        ServiceUrl = ServiceUrl,
        Locale = Locale,
    };

    /// <summary>
    /// A message answering this activity, shaped as the SDK shapes replies: sender and
    /// recipient swapped, conversation, channel, service URL and locale kept, and
    /// <c>replyToId</c> set to this activity's id.
    /// </summary>
    public Activity CreateReply(string? text = null) => new()
    {
        Type = ActivityTypes.Message,
        Timestamp = null,
        From = Recipient is null ? null : new ChannelAccount { Id = Recipient.Id, Name = Recipient.Name },
        Recipient = From is null ? null : new ChannelAccount { Id = From.Id, Name = From.Name },
        Conversation = Conversation is null
            ? null
            : new ConversationAccount { Id = Conversation.Id, Name = Conversation.Name, IsGroup = Conversation.IsGroup },
        ChannelId = ChannelId,
        ServiceUrl = ServiceUrl,
        Locale = Locale,
        ReplyToId = SkipsReplyTarget() ? null : Id,
        Text = text,
    };

    // Direct Line and Web Chat do not accept replies addressed to a conversationUpdate.
    private bool SkipsReplyTarget() =>
        IsType(ActivityTypes.ConversationUpdate)
        && (string.Equals(ChannelId, "directline", StringComparison.Ordinal) || string.Equals(ChannelId, "webchat", StringComparison.Ordinal));
}

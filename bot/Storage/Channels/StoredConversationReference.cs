using System.Text.Json;
using ChatReport.Dialogs.Schema;

namespace ChatReport.Bot.Storage.Channels;

/// <summary>
/// One row of <c>conversation_references</c>: where a conversation can be reached, and whether
/// that serviceUrl was vouched for by an authenticated activity (or by CreateConversation).
/// </summary>
public sealed record StoredConversationReference
{
    public required string ChannelId { get; init; }

    public required string ConversationId { get; init; }

    public required string ServiceUrl { get; init; }

    public required string BotId { get; init; }

    public string? BotName { get; init; }

    public string? UserId { get; init; }

    public string? UserName { get; init; }

    public string? TenantId { get; init; }

    public string? ConversationType { get; init; }

    public bool IsGroup { get; init; }

    public string? Locale { get; init; }

    public bool Verified { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The reference to continue this conversation with (posting at the bottom, not into a thread).</summary>
    public ConversationReference ToConversationReference() => new()
    {
        ChannelId = ChannelId,
        ServiceUrl = ServiceUrl,
        Conversation = new ConversationAccount
        {
            Id = ConversationId,
            IsGroup = IsGroup,
            ConversationType = ConversationType,
            TenantId = TenantId,
        },
        Bot = new ChannelAccount { Id = BotId, Name = BotName },
        User = UserId is null ? null : new ChannelAccount { Id = UserId, Name = UserName },
        Locale = Locale,
    };

    /// <summary>What an inbound activity says about its conversation, or null when it cannot be reached.</summary>
    public static StoredConversationReference? FromActivity(Activity activity, bool verified, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.Conversation?.Id is not { Length: > 0 } conversationId
            || activity.ServiceUrl is not { Length: > 0 } serviceUrl
            || activity.Recipient?.Id is not { Length: > 0 } botId)
        {
            return null;
        }

        return new StoredConversationReference
        {
            ChannelId = activity.ChannelId ?? "",
            ConversationId = conversationId,
            ServiceUrl = serviceUrl,
            BotId = botId,
            BotName = activity.Recipient.Name,
            UserId = activity.From?.Id,
            UserName = activity.From?.Name,
            TenantId = activity.Conversation.TenantId ?? TeamsTenantId(activity.ChannelData),
            ConversationType = activity.Conversation.ConversationType,
            IsGroup = activity.Conversation.IsGroup == true,
            Locale = activity.Locale,
            Verified = verified,
            UpdatedAt = now,
        };
    }

    // Teams repeats the tenant in channelData.tenant.id; older activities carry it only there.
    private static string? TeamsTenantId(JsonElement? channelData) =>
        channelData is { ValueKind: JsonValueKind.Object } data
        && data.TryGetProperty("tenant", out var tenant)
        && tenant.ValueKind == JsonValueKind.Object
        && tenant.TryGetProperty("id", out var id)
        && id.ValueKind == JsonValueKind.String
            ? id.GetString()
            : null;
}

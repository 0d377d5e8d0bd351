using System.Text.Json;
using ChatReport.Dialogs.Schema;

namespace ChatReport.Bot.Connector;

/// <summary>The body of <c>POST v3/conversations</c>.</summary>
public sealed record ConversationParameters
{
    public bool? IsGroup { get; init; }

    public ChannelAccount? Bot { get; init; }

    public IReadOnlyList<ChannelAccount>? Members { get; init; }

    public string? TopicName { get; init; }

    public string? TenantId { get; init; }

    public Activity? Activity { get; init; }

    public JsonElement? ChannelData { get; init; }
}

using System.Text.Json;
using ChatReport.Dialogs.Schema;

namespace ChatReport.Bot.DirectLine;

/// <summary>The Connector's ConversationParameters (create conversation).</summary>
public sealed record ConnectorConversationParameters(
    bool? IsGroup,
    ChannelAccount? Bot,
    IReadOnlyList<ChannelAccount>? Members,
    string? TopicName,
    string? TenantId,
    Activity? Activity,
    JsonElement? ChannelData);

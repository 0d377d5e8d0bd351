namespace ChatReport.Bot.Storage.Channels;

/// <summary>
/// A stored conversation the bot can post into: a branch's group chat, or a member's personal
/// chat (for reviewers and administrators). The pair is the key of <c>conversation_references</c>.
/// </summary>
public sealed record GroupAddress(string ChannelId, string ConversationId)
{
    public override string ToString() => $"{ChannelId}/{ConversationId}";
}

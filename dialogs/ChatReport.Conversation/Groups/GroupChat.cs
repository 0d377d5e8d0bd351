using ChatReport.Dialogs.Turns;

namespace ChatReport.Conversation.Groups;

/// <summary>The group conversation a turn happens in.</summary>
internal static class GroupChat
{
    /// <summary>The (channel, conversation) of a group turn, or null in a personal chat.</summary>
    public static (string ChannelId, string ConversationId)? Of(ITurnContext turn)
    {
        var activity = turn.Activity;
        return activity.Conversation is { IsGroup: true, Id: { Length: > 0 } conversationId } && activity.ChannelId is { Length: > 0 } channelId
            ? (channelId, conversationId)
            : null;
    }
}

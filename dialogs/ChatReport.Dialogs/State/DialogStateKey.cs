using ChatReport.Dialogs.Schema;

namespace ChatReport.Dialogs.State;

/// <summary>Whose dialog stack: one per channel, conversation and user (a group chat holds one per member).</summary>
/// <param name="ChannelId">The activity's channel id.</param>
/// <param name="ConversationId">The activity's conversation id.</param>
/// <param name="UserId">The sender's channel account id.</param>
public sealed record DialogStateKey(string ChannelId, string ConversationId, string UserId)
{
    /// <summary>The key of the stack an inbound activity belongs to; throws when the activity lacks one of the ids.</summary>
    public static DialogStateKey From(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var channel = activity.ChannelId;
        var conversation = activity.Conversation?.Id;
        var user = activity.From?.Id;
        if (string.IsNullOrEmpty(channel) || string.IsNullOrEmpty(conversation) || string.IsNullOrEmpty(user))
        {
            throw new ArgumentException("An activity needs channelId, conversation.id and from.id to have dialog state.", nameof(activity));
        }

        return new DialogStateKey(channel, conversation, user);
    }
}

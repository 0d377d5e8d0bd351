using ChatReport.Dialogs.Schema;

namespace ChatReport.Bot.Storage.Channels;

/// <summary>One conversation of the local channel, as stored.</summary>
public sealed record DirectLineConversation(
    string Id,
    string Kind,
    string? OwnerUserId,
    string? GroupName,
    string? Locale,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt)
{
    public const string ApiKind = "conversation";
    public const string PrivateKind = "private";
    public const string GroupKind = "group";

    public bool IsGroup => string.Equals(Kind, GroupKind, StringComparison.Ordinal);

    /// <summary>The <c>conversation</c> stamped on every activity: groups carry their name and <c>isGroup</c>.</summary>
    public ConversationAccount ToAccount() => new() { Id = Id, Name = GroupName, IsGroup = IsGroup ? true : null };
}

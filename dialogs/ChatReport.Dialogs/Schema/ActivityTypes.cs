namespace ChatReport.Dialogs.Schema;

/// <summary>The activity type names of the Bot Framework schema (compare ordinally).</summary>
public static class ActivityTypes
{
    public const string Message = "message";
    public const string ConversationUpdate = "conversationUpdate";
    public const string Typing = "typing";
    public const string Event = "event";
    public const string Invoke = "invoke";
    public const string InstallationUpdate = "installationUpdate";
    public const string MessageReaction = "messageReaction";
    public const string EndOfConversation = "endOfConversation";
    public const string ContactRelationUpdate = "contactRelationUpdate";
    public const string MessageUpdate = "messageUpdate";
    public const string MessageDelete = "messageDelete";
    public const string DeleteUserData = "deleteUserData";
    public const string Trace = "trace";
}

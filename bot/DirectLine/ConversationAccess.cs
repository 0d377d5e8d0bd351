using ChatReport.Bot.Storage.Channels;
using ChatReport.Dialogs.Schema;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChatReport.Bot.DirectLine;

/// <summary>Either an authorized caller with the conversation it opened, or the error to answer.</summary>
public sealed record ConversationAccess(DirectLineCaller? Caller, DirectLineConversation? Conversation, JsonHttpResult<ErrorResponse>? Error);

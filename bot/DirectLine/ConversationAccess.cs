using ChatReport.Bot.Storage.Channels;

namespace ChatReport.Bot.DirectLine;

/// <summary>
/// What <see cref="DirectLineAccessFilter"/> established before the handler ran: the client API's
/// caller (null on the Connector API, whose only caller is the bot) and, on a route with a
/// <c>conversationId</c>, the conversation it opened.
/// </summary>
public sealed record ConversationAccess(DirectLineCaller? Caller, DirectLineConversation? Conversation)
{
    /// <summary>The access of this request; a route without the filter in front is a wiring mistake.</summary>
    public static ConversationAccess Of(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.HttpContext.Features.Get<ConversationAccess>()
            ?? throw new InvalidOperationException($"{request.Path} has no {nameof(DirectLineAccessFilter)} in front of it.");
    }
}

using ChatReport.Bot.Storage.Channels;

namespace ChatReport.Bot.DirectLine;

/// <summary>
/// The credential checks of a Direct Line route group, made once in front of every handler. The
/// client API takes the secret or a token (<see cref="DirectLineAuthenticator"/>); a token opens
/// only its own conversation. The Connector API takes the bot's own token when authentication is
/// on (<see cref="DirectLineConnectorGuard"/>). On a route with a <c>conversationId</c> the
/// conversation must exist, checked only after the credentials so that 404 tells nobody unknown
/// which conversations there are. The outcome waits for the handler in <see cref="ConversationAccess"/>.
/// </summary>
public sealed class DirectLineAccessFilter : IEndpointFilter
{
    private readonly bool _connector;

    private DirectLineAccessFilter(bool connector) => _connector = connector;

    public static DirectLineAccessFilter Client { get; } = new(connector: false);

    public static DirectLineAccessFilter Connector { get; } = new(connector: true);

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var request = context.HttpContext.Request;
        var services = context.HttpContext.RequestServices;
        var cancellationToken = context.HttpContext.RequestAborted;
        var conversationId = request.RouteValues["conversationId"] as string;

        DirectLineCaller? caller = null;
        if (_connector)
        {
            if (await services.GetRequiredService<DirectLineConnectorGuard>().CheckAsync(request, cancellationToken) is { } denied)
            {
                return denied;
            }
        }
        else
        {
            var (authenticated, error) = await services.GetRequiredService<DirectLineAuthenticator>().AuthenticateAsync(request, cancellationToken);
            if (authenticated is null)
            {
                return error;
            }

            if (conversationId is not null && !authenticated.MayOpen(conversationId))
            {
                return DirectLineErrors.NotAllowed("This token belongs to another conversation.");
            }

            caller = authenticated;
        }

        DirectLineConversation? conversation = null;
        if (conversationId is not null)
        {
            conversation = await services.GetRequiredService<DirectLineStore>().FindConversationAsync(conversationId, cancellationToken);
            if (conversation is null)
            {
                return DirectLineErrors.Missing($"There is no conversation '{conversationId}'.");
            }
        }

        context.HttpContext.Features.Set(new ConversationAccess(caller, conversation));
        return await next(context);
    }
}

using System.Text;
using ChatReport.Bot.Storage.Channels;
using ChatReport.Dialogs.Schema;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace ChatReport.Bot.DirectLine;

/// <summary>The client side of Direct Line 3.0 under <c>/v3/directline</c>, as DirectLineJS and Web Chat call it.</summary>
public static class DirectLineApi
{
    public static RouteGroupBuilder MapDirectLineClientApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/v3/directline");

        // The stream carries its own short-lived ticket in the URL: browsers cannot set headers on a WebSocket.
        api.MapGet("/conversations/{conversationId}/stream", DirectLineStreamer.StreamAsync);

        var guarded = api.MapGroup("").AddEndpointFilter(DirectLineAccessFilter.Client);
        guarded.MapPost("/conversations", StartConversationAsync);
        guarded.MapGet("/conversations/{conversationId}", ReconnectAsync);
        guarded.MapGet("/conversations/{conversationId}/activities", GetActivitiesAsync);
        guarded.MapPost("/conversations/{conversationId}/activities", PostActivityAsync);
        guarded.MapPost("/conversations/{conversationId}/upload", DirectLineUpload.UploadAsync);
        guarded.MapPost("/tokens/generate", GenerateTokenAsync);
        guarded.MapPost("/tokens/refresh", RefreshTokenAsync);
        return api;
    }

    /// <summary>
    /// With the secret: a new conversation (201), for the user named in the body or for nobody in
    /// particular. With a token: starts the token's conversation (201 the first time, then 200).
    /// </summary>
    public static async Task<Results<JsonHttpResult<ConversationResponse>, JsonHttpResult<ErrorResponse>>> StartConversationAsync(
        HttpRequest request,
        DirectLineTokenService tokens,
        DirectLineStore store,
        DirectLineChannel channel,
        IOptions<DirectLineOptions> options,
        CancellationToken cancellationToken)
    {
        var caller = ConversationAccess.Of(request).Caller!;

        var (parameters, error) = await ReadParametersAsync(request, options.Value.MaxActivityBytes, cancellationToken);
        if (parameters is null)
        {
            return error!;
        }

        var serviceUrl = DirectLineUrls.ServiceUrl(request);
        if (caller.HasSecret)
        {
            var conversation = await store.CreateConversationAsync(DirectLineChannel.NewConversationId(), parameters.Locale, cancellationToken);
            await store.MarkStartedAsync(conversation.Id, cancellationToken);
            var user = string.IsNullOrEmpty(parameters.User?.Id) ? null : parameters.User;
            var (token, claims) = await tokens.IssueAsync(conversation.Id, user?.Id, user?.Name, cancellationToken);
            if (user is not null)
            {
                await channel.JoinAsync(conversation, user, serviceUrl, parameters.Locale, cancellationToken);
            }

            var ticket = await tokens.IssueStreamTicketAsync(conversation.Id, claims, cancellationToken);
            return TypedResults.Json(
                new ConversationResponse(conversation.Id, token, tokens.SecondsLeft(claims), DirectLineUrls.StreamUrl(request, conversation.Id, ticket, null)),
                DirectLineJson.Options,
                statusCode: StatusCodes.Status201Created);
        }

        var own = caller.Token!;
        var started = await store.FindConversationAsync(own.ConversationId, cancellationToken);
        if (started is null)
        {
            return DirectLineErrors.Missing($"There is no conversation '{own.ConversationId}'.");
        }

        var first = await store.MarkStartedAsync(started.Id, cancellationToken);
        if (own.UserId is not null)
        {
            await channel.JoinAsync(started, new ChannelAccount { Id = own.UserId, Name = own.UserName }, serviceUrl, parameters.Locale, cancellationToken);
        }

        var streamTicket = await tokens.IssueStreamTicketAsync(started.Id, own, cancellationToken);
        DirectLineAuthenticator.TryGetBearer(request, out var presented);
        return TypedResults.Json(
            new ConversationResponse(started.Id, presented, tokens.SecondsLeft(own), DirectLineUrls.StreamUrl(request, started.Id, streamTicket, null)),
            DirectLineJson.Options,
            statusCode: first ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    /// <summary>
    /// Reconnect: a fresh streamUrl (from <c>watermark</c> on). A token holder gets its token back;
    /// the secret holder gets a new unbound token, because DirectLineJS adopts whatever token
    /// this answer carries.
    /// </summary>
    public static async Task<Results<JsonHttpResult<ConversationResponse>, JsonHttpResult<ErrorResponse>>> ReconnectAsync(
        string conversationId,
        string? watermark,
        HttpRequest request,
        DirectLineTokenService tokens,
        CancellationToken cancellationToken)
    {
        var access = ConversationAccess.Of(request);

        if (!DirectLineUrls.TryParseWatermark(watermark, out var from))
        {
            return DirectLineErrors.Invalid("The watermark must be a number this service gave out.");
        }

        string? token;
        DirectLineToken claims;
        if (access.Caller!.HasSecret)
        {
            (token, claims) = await tokens.IssueAsync(conversationId, null, null, cancellationToken);
        }
        else
        {
            DirectLineAuthenticator.TryGetBearer(request, out token);
            claims = access.Caller.Token!;
        }

        var ticket = await tokens.IssueStreamTicketAsync(conversationId, claims, cancellationToken);
        var streamUrl = DirectLineUrls.StreamUrl(request, conversationId, ticket, string.IsNullOrEmpty(watermark) ? null : from);
        return TypedResults.Json(new ConversationResponse(conversationId, token, tokens.SecondsLeft(claims), streamUrl), DirectLineJson.Options);
    }

    /// <summary>The ActivitySet after <c>watermark</c>, a page at a time; typing is WebSocket-only, as on the service.</summary>
    public static async Task<Results<ContentHttpResult, JsonHttpResult<ErrorResponse>>> GetActivitiesAsync(
        string conversationId,
        string? watermark,
        HttpRequest request,
        DirectLineStore store,
        CancellationToken cancellationToken)
    {
        var access = ConversationAccess.Of(request);

        if (!DirectLineUrls.TryParseWatermark(watermark, out var after))
        {
            return DirectLineErrors.Invalid("The watermark must be a number this service gave out.");
        }

        var rows = await store.ReadAfterAsync(conversationId, after, ActivitySetJson.PageSize, cancellationToken);
        var json = ActivitySetJson.Write(rows, after, includeTyping: false, out _, out _);
        return TypedResults.Text(json, "application/json", Encoding.UTF8);
    }

    /// <summary>
    /// Sends one activity to the bot. It is stored and echoed to every client first, then the
    /// bot runs; 200 <c>{id}</c> when the bot took it, 502 when it failed.
    /// </summary>
    public static async Task<Results<JsonHttpResult<ResourceResponse>, JsonHttpResult<ErrorResponse>>> PostActivityAsync(
        HttpRequest request,
        DirectLineChannel channel,
        IOptions<DirectLineOptions> options,
        CancellationToken cancellationToken)
    {
        var access = ConversationAccess.Of(request);

        var (activity, error) = await DirectLineInput.ReadActivityAsync(request, options.Value.MaxActivityBytes, cancellationToken);
        if (activity is null)
        {
            return error!;
        }

        if (DirectLineChannel.ChannelOnlyTypes.Contains(activity.Type!))
        {
            return DirectLineErrors.Invalid($"Clients cannot send '{activity.Type}' activities; the channel sends those itself.");
        }

        var (sender, senderError) = ResolveSender(access.Caller!, activity.From?.Id, activity.From?.Name);
        if (sender is null)
        {
            return senderError!;
        }

        var posted = await channel.PostFromUserAsync(access.Conversation!, activity, sender, DirectLineUrls.ServiceUrl(request), cancellationToken);
        return posted.Delivery.Succeeded
            ? TypedResults.Json(new ResourceResponse(posted.Id), DirectLineJson.Options)
            : DirectLineErrors.Create(
                // A rejected activity is the client's bad input: a 4xx makes DirectLineJS stop
                // instead of retrying it for ever, as it would after a 5xx.
                posted.Delivery.ErrorCode == DirectLineErrors.BotRejectedActivity ? StatusCodes.Status400BadRequest : StatusCodes.Status502BadGateway,
                posted.Delivery.ErrorCode!,
                posted.Delivery.Message!);
    }

    /// <summary>With the secret only: a token for a new conversation, not yet started and with no bot contact.</summary>
    public static async Task<Results<JsonHttpResult<ConversationResponse>, JsonHttpResult<ErrorResponse>>> GenerateTokenAsync(
        HttpRequest request,
        DirectLineTokenService tokens,
        DirectLineStore store,
        IOptions<DirectLineOptions> options,
        CancellationToken cancellationToken)
    {
        var caller = ConversationAccess.Of(request).Caller!;

        if (!caller.HasSecret)
        {
            return DirectLineErrors.NotAuthorized("Tokens are generated with the Direct Line secret, not with a token.");
        }

        var (parameters, error) = await ReadParametersAsync(request, options.Value.MaxActivityBytes, cancellationToken);
        if (parameters is null)
        {
            return error!;
        }

        var conversation = await store.CreateConversationAsync(DirectLineChannel.NewConversationId(), parameters.Locale, cancellationToken);
        var user = string.IsNullOrEmpty(parameters.User?.Id) ? null : parameters.User;
        var (token, claims) = await tokens.IssueAsync(conversation.Id, user?.Id, user?.Name, cancellationToken);
        return TypedResults.Json(new ConversationResponse(conversation.Id, token, tokens.SecondsLeft(claims), null), DirectLineJson.Options);
    }

    /// <summary>A token that has not expired yet buys a new one for the same conversation and user.</summary>
    public static async Task<Results<JsonHttpResult<ConversationResponse>, JsonHttpResult<ErrorResponse>>> RefreshTokenAsync(
        HttpRequest request,
        DirectLineTokenService tokens,
        WebSessionStore sessions,
        CancellationToken cancellationToken)
    {
        var caller = ConversationAccess.Of(request).Caller!;

        if (caller.HasSecret)
        {
            return DirectLineErrors.NotAuthorized("Only a token can be refreshed; the secret does not expire.");
        }

        var old = caller.Token!;
        // A browser signed out from "my devices" keeps its token until it expires, but no longer.
        if (await sessions.IsSignedOutAsync(old.UserId, cancellationToken))
        {
            return DirectLineErrors.NotAuthorized("This browser was signed out; sign in again.");
        }

        var (token, claims) = await tokens.IssueAsync(old.ConversationId, old.UserId, old.UserName, cancellationToken);
        return TypedResults.Json(new ConversationResponse(old.ConversationId, token, tokens.SecondsLeft(claims), null), DirectLineJson.Options);
    }

    /// <summary>
    /// The sender of a post: a token bound to a user always speaks as that user (whatever
    /// <c>from.id</c> says); the secret and unbound tokens name the sender in <c>from</c>.
    /// </summary>
    internal static (ChannelAccount? Sender, JsonHttpResult<ErrorResponse>? Error) ResolveSender(DirectLineCaller caller, string? fromId, string? fromName)
    {
        var id = caller.Token?.UserId ?? fromId;
        if (string.IsNullOrEmpty(id))
        {
            return (null, DirectLineErrors.MissingValue("The activity needs from.id: who is sending it?"));
        }

        var problem = DirectLineInput.CheckUserId(id) ?? DirectLineInput.CheckName(fromName);
        return problem is null
            ? (new ChannelAccount { Id = id, Name = fromName ?? caller.Token?.UserName }, null)
            : (null, DirectLineErrors.Invalid(problem));
    }

    // The body of starting a conversation or generating a token: optional, and a user in it must be well formed.
    private static async Task<(TokenParameters? Parameters, JsonHttpResult<ErrorResponse>? Error)> ReadParametersAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        var (parameters, parseError) = DirectLineInput.Parse(await RequestBody.ReadAsync(request, limit, cancellationToken), limit, new TokenParameters(null, null, null));
        return parameters is null ? (null, parseError) : CheckUser(parameters.User) is { } userError ? (null, userError) : (parameters, null);
    }

    private static JsonHttpResult<ErrorResponse>? CheckUser(ChannelAccount? user)
    {
        if (user is null || string.IsNullOrEmpty(user.Id))
        {
            return DirectLineInput.CheckName(user?.Name) is { } nameProblem ? DirectLineErrors.Invalid(nameProblem) : null;
        }

        var problem = DirectLineInput.CheckUserId(user.Id) ?? DirectLineInput.CheckName(user.Name);
        return problem is null ? null : DirectLineErrors.Invalid(problem);
    }
}

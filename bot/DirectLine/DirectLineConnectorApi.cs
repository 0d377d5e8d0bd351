using System.Buffers.Text;
using System.Security.Cryptography;
using ChatReport.Bot.Storage.Channels;
using ChatReport.Dialogs.Schema;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace ChatReport.Bot.DirectLine;

/// <summary>
/// The Connector REST API of this channel, at the <c>serviceUrl</c> stamped on user activities
/// (<c>{host}/directline/</c>): the bot's replies, updates, deletes, members, proactive 1:1
/// conversations and attachments. Everything the bot stores here reaches every client of the
/// conversation.
/// </summary>
public static class DirectLineConnectorApi
{
    public static RouteGroupBuilder MapDirectLineConnectorApi(this IEndpointRouteBuilder endpoints)
    {
        var connector = endpoints.MapGroup("/directline/v3");

        // Unauthenticated on purpose: browsers load images without headers; the 128-bit id is the capability.
        connector.MapGet("/attachments/{attachmentId}", GetAttachmentInfoAsync);
        connector.MapGet("/attachments/{attachmentId}/views/{viewId}", GetAttachmentViewAsync);

        var guarded = connector.MapGroup("").AddEndpointFilter(DirectLineAccessFilter.Connector);
        guarded.MapPost("/conversations", CreateConversationAsync);
        guarded.MapPost("/conversations/{conversationId}/activities", SendToConversationAsync);
        guarded.MapPost("/conversations/{conversationId}/activities/{activityId}", ReplyToActivityAsync);
        guarded.MapPut("/conversations/{conversationId}/activities/{activityId}", UpdateActivityAsync);
        guarded.MapDelete("/conversations/{conversationId}/activities/{activityId}", DeleteActivityAsync);
        guarded.MapGet("/conversations/{conversationId}/members", GetMembersAsync);
        guarded.MapGet("/conversations/{conversationId}/members/{memberId}", GetMemberAsync);
        guarded.MapGet("/conversations/{conversationId}/activities/{activityId}/members", GetActivityMembersAsync);
        guarded.MapPost("/conversations/{conversationId}/attachments", UploadAttachmentAsync);
        return connector;
    }

    public static Task<Results<JsonHttpResult<ResourceResponse>, JsonHttpResult<ErrorResponse>>> SendToConversationAsync(
        HttpRequest request, DirectLineChannel channel, IOptions<DirectLineOptions> options, CancellationToken cancellationToken) =>
        AppendAsync(null, request, channel, options, cancellationToken);

    public static Task<Results<JsonHttpResult<ResourceResponse>, JsonHttpResult<ErrorResponse>>> ReplyToActivityAsync(
        string activityId, HttpRequest request, DirectLineChannel channel, IOptions<DirectLineOptions> options, CancellationToken cancellationToken) =>
        AppendAsync(activityId, request, channel, options, cancellationToken);

    public static async Task<Results<JsonHttpResult<ResourceResponse>, JsonHttpResult<ErrorResponse>>> UpdateActivityAsync(
        string activityId, HttpRequest request, DirectLineChannel channel, IOptions<DirectLineOptions> options, CancellationToken cancellationToken)
    {
        var conversation = ConversationAccess.Of(request).Conversation!;

        var (activity, readError) = await DirectLineInput.ReadActivityAsync(request, options.Value.MaxActivityBytes, cancellationToken);
        if (activity is null)
        {
            return readError!;
        }

        return await channel.ReplaceFromBotAsync(conversation, activityId, activity, cancellationToken) switch
        {
            true => TypedResults.Json(new ResourceResponse(activityId), DirectLineJson.Options),
            false => DirectLineErrors.NotAllowed("Only the bot's own activities can be updated."),
            null => DirectLineErrors.Missing($"There is no activity '{activityId}' in this conversation."),
        };
    }

    /// <summary>Removes the activity from the history; clients that already show it keep it (Direct Line has no delete event).</summary>
    public static async Task<Results<Ok, JsonHttpResult<ErrorResponse>>> DeleteActivityAsync(
        string activityId, HttpRequest request, DirectLineStore store, CancellationToken cancellationToken)
    {
        var conversation = ConversationAccess.Of(request).Conversation!;

        return await store.DeleteActivityAsync(conversation.Id, activityId, cancellationToken)
            ? TypedResults.Ok()
            : DirectLineErrors.Missing($"There is no activity '{activityId}' in this conversation.");
    }

    public static async Task<Results<JsonHttpResult<IReadOnlyList<ChannelAccount>>, JsonHttpResult<ErrorResponse>>> GetMembersAsync(
        HttpRequest request, DirectLineStore store, CancellationToken cancellationToken)
    {
        var conversation = ConversationAccess.Of(request).Conversation!;

        return TypedResults.Json(await store.GetMembersAsync(conversation.Id, cancellationToken), DirectLineJson.Options);
    }

    public static async Task<Results<JsonHttpResult<ChannelAccount>, JsonHttpResult<ErrorResponse>>> GetMemberAsync(
        string memberId, HttpRequest request, DirectLineStore store, CancellationToken cancellationToken)
    {
        var conversation = ConversationAccess.Of(request).Conversation!;

        var members = await store.GetMembersAsync(conversation.Id, cancellationToken);
        var member = members.FirstOrDefault(m => string.Equals(m.Id, memberId, StringComparison.Ordinal));
        return member is null
            ? DirectLineErrors.Missing($"'{memberId}' is not a member of this conversation.")
            : TypedResults.Json(member, DirectLineJson.Options);
    }

    /// <summary>Everybody in the conversation received every activity, so its members are the conversation's.</summary>
    public static async Task<Results<JsonHttpResult<IReadOnlyList<ChannelAccount>>, JsonHttpResult<ErrorResponse>>> GetActivityMembersAsync(
        string activityId, HttpRequest request, DirectLineStore store, CancellationToken cancellationToken)
    {
        var conversation = ConversationAccess.Of(request).Conversation!;

        if (await store.FindActivityAsync(conversation.Id, activityId, cancellationToken) is null)
        {
            return DirectLineErrors.Missing($"There is no activity '{activityId}' in this conversation.");
        }

        return TypedResults.Json(await store.GetMembersAsync(conversation.Id, cancellationToken), DirectLineJson.Options);
    }

    /// <summary>
    /// Proactive 1:1: the conversation is the user's private one (created if the user never
    /// opened the page), so the message is there when the user next opens Web Chat. Groups cannot
    /// be created from the bot side; people join them by name on the page.
    /// </summary>
    public static async Task<Results<JsonHttpResult<ConversationResourceResponse>, JsonHttpResult<ErrorResponse>>> CreateConversationAsync(
        HttpRequest request, DirectLineStore store, DirectLineChannel channel, IOptions<DirectLineOptions> options, CancellationToken cancellationToken)
    {
        var limit = options.Value.MaxActivityBytes;
        var body = await RequestBody.ReadAsync(request, limit, cancellationToken);
        if (body.IsEmpty && !body.TooLarge)
        {
            return DirectLineErrors.MissingValue("The request has no ConversationParameters.");
        }

        var (parameters, error) = DirectLineInput.Parse<ConnectorConversationParameters>(body, limit);
        if (parameters is null)
        {
            return error!;
        }

        if (parameters.IsGroup == true)
        {
            return DirectLineErrors.Invalid("Group conversations cannot be created by the bot here; people join them by name on the Web Chat page.");
        }

        if (parameters.Members is not [{ Id: { Length: > 0 } userId } user])
        {
            return DirectLineErrors.Invalid("Name exactly one member (the user) to start a 1:1 conversation.");
        }

        var problem = DirectLineInput.CheckUserId(userId) ?? DirectLineInput.CheckName(user.Name);
        if (problem is not null)
        {
            return DirectLineErrors.Invalid(problem);
        }

        if (parameters.Activity is { } first && string.IsNullOrWhiteSpace(first.Type))
        {
            return DirectLineErrors.MissingValue("The activity has no type.");
        }

        var conversation = await store.GetOrCreatePrivateAsync(userId, DirectLineChannel.NewConversationId(), null, cancellationToken);
        await store.AddMemberAsync(conversation.Id, userId, user.Name, cancellationToken);
        string? activityId = null;
        if (parameters.Activity is { } activity)
        {
            activityId = await channel.AppendFromBotAsync(conversation, activity, null, cancellationToken);
        }

        return TypedResults.Json(new ConversationResourceResponse(conversation.Id, activityId, DirectLineUrls.ServiceUrl(request)), DirectLineJson.Options);
    }

    public static async Task<Results<JsonHttpResult<ResourceResponse>, JsonHttpResult<ErrorResponse>>> UploadAttachmentAsync(
        HttpRequest request, DirectLineStore store, TimeProvider time, IOptions<DirectLineOptions> options, CancellationToken cancellationToken)
    {
        var conversation = ConversationAccess.Of(request).Conversation!;

        // Base64 takes four characters for every three bytes, plus the JSON around it.
        var limit = (options.Value.MaxUploadBytes / 3 * 4) + 4096;
        var (data, parseError) = DirectLineInput.Parse<ConnectorAttachmentData>(await RequestBody.ReadAsync(request, limit, cancellationToken), limit);
        if (data is null)
        {
            return parseError ?? DirectLineErrors.MissingValue("The request has no AttachmentData.");
        }

        if (data.OriginalBase64 is not { Length: > 0 } content)
        {
            return DirectLineErrors.MissingValue("AttachmentData needs originalBase64.");
        }

        if (DirectLineInput.CheckName(data.Name) is { } problem)
        {
            return DirectLineErrors.Invalid(problem);
        }

        var id = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));
        var type = string.IsNullOrWhiteSpace(data.Type) ? "application/octet-stream" : data.Type;
        await store.SaveAttachmentAsync(new StoredAttachment(id, conversation.Id, type, data.Name, content, time.GetUtcNow()), cancellationToken);
        return TypedResults.Json(new ResourceResponse(id), DirectLineJson.Options);
    }

    public static async Task<Results<JsonHttpResult<ConnectorAttachmentInfo>, JsonHttpResult<ErrorResponse>>> GetAttachmentInfoAsync(
        string attachmentId, DirectLineStore store, CancellationToken cancellationToken)
    {
        var attachment = await store.FindAttachmentAsync(attachmentId, cancellationToken);
        return attachment is null
            ? DirectLineErrors.Missing("There is no such attachment.")
            : TypedResults.Json(new ConnectorAttachmentInfo(attachment.Name, attachment.ContentType, [new ConnectorAttachmentView("original", attachment.Content.Length)]), DirectLineJson.Options);
    }

    public static async Task<Results<FileContentHttpResult, JsonHttpResult<ErrorResponse>>> GetAttachmentViewAsync(
        string attachmentId, string viewId, HttpResponse response, DirectLineStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        var attachment = string.Equals(viewId, "original", StringComparison.Ordinal)
            ? await store.FindAttachmentAsync(attachmentId, cancellationToken)
            : null;
        if (attachment is null)
        {
            return DirectLineErrors.Missing("There is no such attachment view.");
        }

        // Uploaded bytes are served from the bot's own origin: never let them run as a page there.
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.ContentSecurityPolicy = "sandbox";
        var inline = attachment.ContentType.StartsWith("image/", StringComparison.OrdinalIgnoreCase)
            || attachment.ContentType.StartsWith("audio/", StringComparison.OrdinalIgnoreCase)
            || attachment.ContentType.StartsWith("video/", StringComparison.OrdinalIgnoreCase);
        return TypedResults.File(attachment.Content, attachment.ContentType, inline ? null : attachment.Name ?? "attachment");
    }

    private static async Task<Results<JsonHttpResult<ResourceResponse>, JsonHttpResult<ErrorResponse>>> AppendAsync(
        string? replyToId, HttpRequest request, DirectLineChannel channel, IOptions<DirectLineOptions> options, CancellationToken cancellationToken)
    {
        var conversation = ConversationAccess.Of(request).Conversation!;

        var (activity, readError) = await DirectLineInput.ReadActivityAsync(request, options.Value.MaxActivityBytes, cancellationToken);
        if (activity is null)
        {
            return readError!;
        }

        var id = await channel.AppendFromBotAsync(conversation, activity, replyToId, cancellationToken);
        return TypedResults.Json(new ResourceResponse(id), DirectLineJson.Options);
    }
}

using System.Globalization;
using System.Text;
using ChatReport.Bot.DirectLine;
using ChatReport.Bot.Storage.Channels;
using ChatReport.Conversation.Domain;
using ChatReport.Dialogs.Schema;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace ChatReport.Bot.WebChat;

/// <summary>
/// The Web Chat page at <c>/</c> (the official bundle, served from this host) and the token
/// endpoint it uses, so that the Direct Line secret never reaches the browser.
/// </summary>
public static class WebChatEndpoints
{
    private const int MaxGroupLength = 64;
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    /// <summary>
    /// <c>GET /</c>, <c>GET /webchat/{file}</c> and <c>POST /webchat/token</c>; nothing when the
    /// Direct Line channel is off, since the page cannot work without it.
    /// </summary>
    public static RouteGroupBuilder MapWebChat(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var webChat = endpoints.MapGroup("/webchat");
        if (!endpoints.ServiceProvider.IsDirectLineEnabled())
        {
            return webChat;
        }

        var files = new WebChatFiles(endpoints.ServiceProvider.GetRequiredService<IWebHostEnvironment>().ContentRootPath);
        endpoints.MapGet("/", () => ServeFile(files, "index.html"));
        webChat.MapGet("/{**path}", (string path) => ServeFile(files, path));
        webChat.MapPost("/token", IssueTokenAsync);
        webChat.MapWebChatAccount();
        return webChat;
    }

    /// <summary>
    /// A token for the signed-in member's private conversation with the bot, or for their branch's
    /// group, always bound to the member's own user id (the session row decides it, never the
    /// browser). Without a sign-in, only the local demo page (<c>WebChat:PickIdentity</c>, loopback
    /// only) may name any user id and any group.
    /// </summary>
    public static async Task<Results<JsonHttpResult<WebChatTokenResponse>, JsonHttpResult<ErrorResponse>>> IssueTokenAsync(
        HttpContext context,
        DirectLineStore store,
        DirectLineTokenService tokens,
        WebSessionStore sessions,
        IMemberDirectory members,
        IOrganisation organisation,
        IOptions<WebChatOptions> options,
        CancellationToken cancellationToken)
    {
        var body = await RequestBody.ReadAsync(context.Request, 16 * 1024, cancellationToken);
        var (input, error) = DirectLineInput.Parse<WebChatTokenRequest>(body, 16 * 1024, new WebChatTokenRequest(null, null, null, null));
        if (input is null)
        {
            return error ?? DirectLineErrors.MissingValue("Send {branchGroup?, locale?}.");
        }

        if (input.Locale is { Length: > 32 })
        {
            return DirectLineErrors.Invalid("The locale is not a language tag.");
        }

        if (await WebChatSession.FindAsync(context, sessions, members, cancellationToken) is { } current)
        {
            return await IssueForMemberAsync(current, input, store, tokens, sessions, organisation, cancellationToken);
        }

        return options.Value.PickIdentity
            ? await IssueForPickedIdentityAsync(input, store, tokens, cancellationToken)
            : WebChatAccountEndpoints.SignInFirst();
    }

    private static async Task<Results<JsonHttpResult<WebChatTokenResponse>, JsonHttpResult<ErrorResponse>>> IssueForMemberAsync(
        WebChatSession current,
        WebChatTokenRequest input,
        DirectLineStore store,
        DirectLineTokenService tokens,
        WebSessionStore sessions,
        IOrganisation organisation,
        CancellationToken cancellationToken)
    {
        var userId = current.Session.UserId;
        if (input.UserId is { } claimed && !string.Equals(claimed, userId, StringComparison.Ordinal))
        {
            return DirectLineErrors.NotAllowed("A signed-in browser gets tokens for its own member only.");
        }

        if (input.Group is not null)
        {
            return DirectLineErrors.NotAllowed("A signed-in member joins their branch's group (branchGroup: true), not a named one.");
        }

        string? groupName = null;
        if (input.BranchGroup == true)
        {
            var unit = await organisation.GetUnitAsync(current.Member.UnitId, cancellationToken);
            // The unit's number keeps two branches of the same name apart.
            groupName = string.Create(CultureInfo.InvariantCulture, $"{unit?.Name ?? "-"} #{current.Member.UnitId}");
        }

        await sessions.TouchAsync(current.Session.Id, cancellationToken);
        var conversation = groupName is null
            ? await store.GetOrCreatePrivateAsync(userId, DirectLineChannel.NewConversationId(), input.Locale, cancellationToken)
            : await store.GetOrCreateGroupAsync(groupName, DirectLineChannel.NewConversationId(), input.Locale, cancellationToken);
        var name = current.Member.DisplayName;
        var (token, claims) = await tokens.IssueAsync(conversation.Id, userId, name, cancellationToken);
        return TypedResults.Json(
            new WebChatTokenResponse(token, conversation.Id, tokens.SecondsLeft(claims), userId, name, groupName),
            DirectLineJson.Options);
    }

    private static async Task<Results<JsonHttpResult<WebChatTokenResponse>, JsonHttpResult<ErrorResponse>>> IssueForPickedIdentityAsync(
        WebChatTokenRequest input,
        DirectLineStore store,
        DirectLineTokenService tokens,
        CancellationToken cancellationToken)
    {
        var userId = input.UserId?.Trim();
        var name = input.Name?.Trim();
        var group = string.IsNullOrWhiteSpace(input.Group) ? null : input.Group.Trim().Normalize(NormalizationForm.FormC);
        var problem = DirectLineInput.CheckUserId(userId)
            ?? (string.IsNullOrEmpty(name) ? "A display name is required." : DirectLineInput.CheckName(name))
            ?? (group is { Length: > MaxGroupLength } ? $"A group name has at most {MaxGroupLength} characters."
                : group is not null && group.Any(char.IsControl) ? "A group name cannot contain control characters."
                : null);
        if (problem is not null)
        {
            return DirectLineErrors.Invalid(problem);
        }

        var conversation = group is null
            ? await store.GetOrCreatePrivateAsync(userId!, DirectLineChannel.NewConversationId(), input.Locale, cancellationToken)
            : await store.GetOrCreateGroupAsync(group, DirectLineChannel.NewConversationId(), input.Locale, cancellationToken);
        var (token, claims) = await tokens.IssueAsync(conversation.Id, userId, name, cancellationToken);
        return TypedResults.Json(
            new WebChatTokenResponse(token, conversation.Id, tokens.SecondsLeft(claims), userId!, name!, group),
            DirectLineJson.Options);
    }

    private static Results<PhysicalFileHttpResult, NotFound> ServeFile(WebChatFiles files, string path)
    {
        var file = files.Find(path);
        if (file is null)
        {
            return TypedResults.NotFound();
        }

        if (!ContentTypes.TryGetContentType(file.Name, out var contentType))
        {
            contentType = "application/octet-stream";
        }

        var modified = new DateTimeOffset(file.LastWriteTimeUtc, TimeSpan.Zero);
        var tag = new EntityTagHeaderValue($"\"{modified.ToUnixTimeMilliseconds().ToString("x", CultureInfo.InvariantCulture)}-{file.Length.ToString("x", CultureInfo.InvariantCulture)}\"");
        return TypedResults.PhysicalFile(file.FullName, contentType, lastModified: modified, entityTag: tag);
    }
}

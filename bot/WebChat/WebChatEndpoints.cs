using System.Globalization;
using System.Text;
using ChatReport.Bot.DirectLine;
using ChatReport.Bot.Storage;
using ChatReport.Dialogs.Schema;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.StaticFiles;
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
        return webChat;
    }

    /// <summary>
    /// A token for the person's private conversation with the bot, or for the named group. The
    /// page does not prove who the person is: anyone who can open it may pick any user id, which
    /// is what a channel on the bot's own machine is for. Put the page behind a login (or turn
    /// DirectLine:Enabled off) before exposing it.
    /// </summary>
    public static async Task<Results<JsonHttpResult<WebChatTokenResponse>, JsonHttpResult<ErrorResponse>>> IssueTokenAsync(
        HttpRequest request,
        DirectLineStore store,
        DirectLineTokenService tokens,
        CancellationToken cancellationToken)
    {
        var body = await RequestBody.ReadAsync(request, 16 * 1024, cancellationToken);
        var (input, error) = DirectLineInput.Parse<WebChatTokenRequest>(body, 16 * 1024);
        if (input is null)
        {
            return error ?? DirectLineErrors.MissingValue("Send {userId, name, group?}.");
        }

        var userId = input.UserId?.Trim();
        var name = input.Name?.Trim();
        var group = string.IsNullOrWhiteSpace(input.Group) ? null : input.Group.Trim().Normalize(NormalizationForm.FormC);
        var problem = DirectLineInput.CheckUserId(userId)
            ?? (string.IsNullOrEmpty(name) ? "A display name is required." : DirectLineInput.CheckName(name))
            ?? (group is { Length: > MaxGroupLength } ? $"A group name has at most {MaxGroupLength} characters."
                : group is not null && group.Any(char.IsControl) ? "A group name cannot contain control characters."
                : null)
            ?? (input.Locale is { Length: > 32 } ? "The locale is not a language tag." : null);
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

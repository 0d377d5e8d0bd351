using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;
using ChatReport.Bot.Storage.Channels;
using ChatReport.Dialogs.Schema;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace ChatReport.Bot.DirectLine;

/// <summary>
/// <c>POST …/upload?userId=</c>: files become a message's attachments, served back from this host.
/// The body is either one file (its Content-Type, and its name in Content-Disposition) or
/// multipart/form-data with file parts and an optional <c>application/vnd.microsoft.activity</c>
/// part that becomes the message around them (what DirectLineJS sends for Web Chat uploads).
/// </summary>
public static class DirectLineUpload
{
    public const string ActivityContentType = "application/vnd.microsoft.activity";

    public static async Task<Results<JsonHttpResult<ResourceResponse>, JsonHttpResult<ErrorResponse>>> UploadAsync(
        string conversationId,
        string? userId,
        HttpRequest request,
        DirectLineChannel channel,
        DirectLineStore store,
        TimeProvider time,
        IOptions<DirectLineOptions> options,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var access = ConversationAccess.Of(request);

        var limit = options.Value.MaxUploadBytes;
        var body = await RequestBody.ReadAsync(request, limit, cancellationToken);
        if (body.TooLarge)
        {
            return DirectLineErrors.TooBig(limit);
        }

        var (template, files, error) = await ReadPartsAsync(request, body, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        if (files.Count == 0)
        {
            return DirectLineErrors.MissingValue("The upload has no file.");
        }

        var (sender, senderError) = DirectLineApi.ResolveSender(access.Caller!, userId ?? template?.From?.Id, template?.From?.Name);
        if (sender is null)
        {
            return senderError!;
        }

        var serviceUrl = DirectLineUrls.ServiceUrl(request);
        var attachments = new List<Attachment>();
        foreach (var file in files)
        {
            var id = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));
            await store.SaveAttachmentAsync(new StoredAttachment(id, conversationId, file.ContentType, file.Name, file.Content, time.GetUtcNow()), cancellationToken);
            attachments.Add(new Attachment { ContentType = file.ContentType, ContentUrl = DirectLineUrls.AttachmentUrl(serviceUrl, id), Name = file.Name });
        }

        var message = (template ?? new Activity()) with { Type = ActivityTypes.Message, Attachments = attachments };
        var posted = await channel.PostFromUserAsync(access.Conversation!, message, sender, serviceUrl, cancellationToken);
        return posted.Delivery.Succeeded
            ? TypedResults.Json(new ResourceResponse(posted.Id), DirectLineJson.Options)
            : DirectLineErrors.Create(StatusCodes.Status502BadGateway, posted.Delivery.ErrorCode!, posted.Delivery.Message!);
    }

    private static async Task<(Activity? Template, List<UploadedFile> Files, JsonHttpResult<ErrorResponse>? Error)> ReadPartsAsync(
        HttpRequest request, RequestBody body, CancellationToken cancellationToken)
    {
        var files = new List<UploadedFile>();
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType))
        {
            return (null, files, DirectLineErrors.MissingValue("The upload needs a Content-Type."));
        }

        if (!contentType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            if (body.IsEmpty)
            {
                return (null, files, null);
            }

            var name = ContentDispositionHeaderValue.TryParse(request.Headers.ContentDisposition.ToString(), out var disposition)
                ? FileName(disposition)
                : null;
            files.Add(new UploadedFile(contentType.MediaType.ToString(), name, body.Bytes));
            return (null, files, null);
        }

        var boundary = HeaderUtilities.RemoveQuotes(contentType.Boundary).ToString();
        if (string.IsNullOrEmpty(boundary))
        {
            return (null, files, DirectLineErrors.Unreadable("multipart/form-data needs a boundary."));
        }

        Activity? template = null;
        try
        {
            var reader = new MultipartReader(boundary, new MemoryStream(body.Bytes));
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                using var content = new MemoryStream();
                await section.Body.CopyToAsync(content, cancellationToken);
                var partType = string.IsNullOrEmpty(section.ContentType) ? "application/octet-stream" : section.ContentType;
                var name = ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) ? FileName(disposition) : null;
                if (partType.StartsWith(ActivityContentType, StringComparison.OrdinalIgnoreCase))
                {
                    template = JsonSerializer.Deserialize<Activity>(content.ToArray(), DirectLineJson.Options);
                    continue;
                }

                files.Add(new UploadedFile(partType, name, content.ToArray()));
            }
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or JsonException)
        {
            return (null, files, DirectLineErrors.Unreadable($"The multipart body cannot be read: {ex.Message}"));
        }

        return (template, files, null);
    }

    private static string? FileName(ContentDispositionHeaderValue disposition)
    {
        var name = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).ToString();
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        // Only the last path segment, and never longer than a display name may be.
        name = Path.GetFileName(name.Replace('\\', '/'));
        return name.Length > DirectLineInput.MaxNameLength ? name[..DirectLineInput.MaxNameLength] : name;
    }

    private sealed record UploadedFile(string ContentType, string? Name, byte[] Content);
}

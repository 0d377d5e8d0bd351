using System.Buffers.Text;
using System.Security.Cryptography;
using ChatReport.Bot.Storage.Channels;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChatReport.Bot.Channels.Media;

/// <summary>
/// Keeps photos from WeCom and WeChat and serves them back at <c>GET /api/channels/media/{id}</c>,
/// so a claim's evidence outlives the platform's three days. Like Direct Line's uploads, the id
/// is unguessable (128 random bits) and the URL is the only key.
/// </summary>
public static class ChannelMediaApi
{
    public const string Route = "/api/channels/media";

    public static IEndpointRouteBuilder MapChannelMedia(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        if (endpoints.ServiceProvider.GetService<ChannelMediaStore>() is null)
        {
            return endpoints;
        }

        endpoints.MapGet(Route + "/{id}", GetAsync);
        return endpoints;
    }

    /// <summary>Stores the photo and returns the URL it is served at.</summary>
    public static async Task<string> KeepAsync(
        ChannelMediaStore store, HttpRequest request, string channelId, string userId, string contentType, byte[] content, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(request);
        var id = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));
        await store.SaveAsync(new ChannelMedia(id, channelId, userId, contentType, content, now), cancellationToken);
        return $"{request.Scheme}://{request.Host}{request.PathBase}{Route}/{id}";
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> GetAsync(string id, ChannelMediaStore store, CancellationToken cancellationToken)
    {
        var media = id.Length is > 0 and <= 64 ? await store.FindAsync(id, cancellationToken) : null;
        return media is null ? TypedResults.NotFound() : TypedResults.File(media.Content, media.ContentType);
    }
}

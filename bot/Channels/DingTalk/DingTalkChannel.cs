using System.Buffers.Text;
using System.Security.Claims;
using System.Security.Cryptography;
using ChatReport.Bot.Authentication;
using ChatReport.Bot.Messaging;
using ChatReport.Bot.Storage.Channels;
using ChatReport.Dialogs.Schema;
using Microsoft.Extensions.Options;

namespace ChatReport.Bot.Channels.DingTalk;

/// <summary>
/// Turns a verified DingTalk callback into an activity of the <c>dingtalk</c> channel and runs it
/// through the turn pipeline, as the local Direct Line does: same middleware, de-duplication
/// (the activity id is DingTalk's msgId, so a redelivery is one turn), dialogs and replies.
/// </summary>
public sealed class DingTalkChannel(
    DingTalkStore store,
    DingTalkApi api,
    IServiceScopeFactory scopes,
    TimeProvider time,
    IOptions<DingTalkOptions> options,
    ILogger<DingTalkChannel> logger)
{
    /// <summary>
    /// DingTalk's signature vouched for the request and replies go only where this channel
    /// decides, so the activity's serviceUrl counts as verified, like the local Direct Line's.
    /// </summary>
    private static readonly AuthenticationOutcome Verified = new(true, new ClaimsIdentity("dingtalk"), null, true, null);

    public async Task<TurnOutcome> ProcessAsync(DingTalkCallback callback, string filesBaseUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var settings = options.Value;
        await store.SaveConversationAsync(
            new DingTalkConversation(
                callback.ConversationId,
                callback.IsGroup,
                callback.IsGroup ? null : callback.SenderId,
                IsOnOapiHost(callback.SessionWebhook, settings.OapiBaseUrl) ? callback.SessionWebhook : null,
                callback.SessionWebhookExpiresAt,
                time.GetUtcNow()),
            cancellationToken);

        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Id = callback.MsgId,
            ChannelId = DingTalkSender.Channel,
            ServiceUrl = settings.ApiBaseUrl.AbsoluteUri,
            Timestamp = callback.CreatedAt ?? time.GetUtcNow(),
            From = new ChannelAccount { Id = callback.SenderId, Name = callback.SenderNick, Role = "user" },
            Recipient = new ChannelAccount { Id = settings.RobotCode, Name = "ChatReport", Role = "bot" },
            Conversation = new ConversationAccount
            {
                Id = callback.ConversationId,
                Name = callback.ConversationTitle,
                IsGroup = callback.IsGroup,
                ConversationType = callback.IsGroup ? "group" : "personal",
            },
            // DingTalk removes the robot's @name from a group message but leaves the space after it.
            Text = callback.Text?.Trim(),
            TextFormat = "plain",
            // DingTalk sends no locale: the language the member writes in decides, Chinese by default.
            Attachments = await PicturesAsync(callback, filesBaseUrl, cancellationToken),
        };

        await using var scope = scopes.CreateAsyncScope();
        var processor = scope.ServiceProvider.GetRequiredService<IActivityProcessor>();
        return await processor.ProcessAsync(activity, Verified, cancellationToken);
    }

    private async Task<IReadOnlyList<Attachment>?> PicturesAsync(DingTalkCallback callback, string filesBaseUrl, CancellationToken cancellationToken)
    {
        if (callback.DownloadCodes.Count == 0)
        {
            return null;
        }

        var attachments = new List<Attachment>();
        foreach (var code in callback.DownloadCodes)
        {
            if (await api.DownloadPictureAsync(code, cancellationToken) is not var (content, contentType))
            {
                continue;
            }

            var id = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));
            await store.SaveFileAsync(new DingTalkFile(id, callback.ConversationId, contentType, content, time.GetUtcNow()), cancellationToken);
            attachments.Add(new Attachment { ContentType = contentType, ContentUrl = filesBaseUrl + id, Name = "dingtalk-" + id + Extension(contentType) });
        }

        if (attachments.Count < callback.DownloadCodes.Count)
        {
            logger.LogWarning("{Missing} of {Count} pictures in message {MsgId} could not be downloaded", callback.DownloadCodes.Count - attachments.Count, callback.DownloadCodes.Count, callback.MsgId);
        }

        return attachments.Count == 0 ? null : attachments;
    }

    private static string Extension(string contentType) => contentType switch
    {
        "image/png" => ".png",
        "image/gif" => ".gif",
        "image/webp" => ".webp",
        _ => ".jpg",
    };

    private static bool IsOnOapiHost(string? webhook, Uri oapiBaseUrl) =>
        webhook is not null
        && Uri.TryCreate(webhook, UriKind.Absolute, out var uri)
        && string.Equals(uri.GetLeftPart(UriPartial.Authority), oapiBaseUrl.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase);
}

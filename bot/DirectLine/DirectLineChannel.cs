using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;
using ChatReport.Bot.Authentication;
using ChatReport.Bot.Messaging;
using ChatReport.Bot.Metrics;
using ChatReport.Bot.Storage.Channels;
using ChatReport.Dialogs.Schema;
using Microsoft.Extensions.Options;

namespace ChatReport.Bot.DirectLine;

/// <summary>
/// The channel's rules, between the HTTP endpoints and the store: how user activities are stamped,
/// stored, echoed and handed to the bot, and how the bot's Connector calls land in the history.
/// </summary>
public sealed class DirectLineChannel(
    DirectLineStore store,
    DirectLineStreamHub hub,
    IServiceScopeFactory scopes,
    TimeProvider time,
    IOptions<DirectLineOptions> options,
    ILogger<DirectLineChannel> logger)
{
    public const string ChannelId = "directline";

    /// <summary>Activity types only a channel originates; a client sending them would forge membership or installs.</summary>
    public static IReadOnlySet<string> ChannelOnlyTypes { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        ActivityTypes.ConversationUpdate,
        ActivityTypes.InstallationUpdate,
        ActivityTypes.ContactRelationUpdate,
        ActivityTypes.DeleteUserData,
    };

    /// <summary>The bot as users see it: the recipient of what they send, the sender of replies.</summary>
    public ChannelAccount Bot => new() { Id = options.Value.BotId, Name = options.Value.BotName, Role = "bot" };

    /// <summary>A fresh conversation id: 24 letters and digits, safe in URLs and activity ids.</summary>
    public static string NewConversationId()
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        return RandomNumberGenerator.GetString(alphabet, 24);
    }

    /// <summary>
    /// Makes <paramref name="user"/> a member. The first time, the bot hears a conversationUpdate
    /// (with itself among the members added when the conversation had nobody yet); clients never
    /// see it. A bot failure here is logged and does not keep the user out.
    /// </summary>
    public async Task JoinAsync(DirectLineConversation conversation, ChannelAccount user, string serviceUrl, string? locale, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(user);
        if (!await store.AddMemberAsync(conversation.Id, user.Id!, user.Name, cancellationToken))
        {
            return;
        }

        var member = new ChannelAccount { Id = user.Id, Name = user.Name, Role = "user" };
        var members = await store.GetMembersAsync(conversation.Id, cancellationToken);
        var update = new Activity
        {
            Type = ActivityTypes.ConversationUpdate,
            Id = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(12)),
            ChannelId = ChannelId,
            ServiceUrl = serviceUrl,
            Timestamp = time.GetUtcNow(),
            From = member,
            Recipient = Bot,
            Conversation = conversation.ToAccount(),
            MembersAdded = members.Count == 1 ? [Bot, member] : [member],
            Locale = locale ?? conversation.Locale,
        };
        var delivery = await DeliverAsync(update, cancellationToken);
        if (!delivery.Succeeded)
        {
            logger.LogWarning("The bot did not take the conversationUpdate for {UserId} joining {ConversationId}: {Reason}", user.Id, conversation.Id, delivery.Message);
        }
    }

    /// <summary>
    /// Stamps a user's activity as the service does, stores it (clients see it at once, with the
    /// <c>channelData.clientActivityID</c> Web Chat waits for), then runs the bot on it. A retry of
    /// an activity the bot already took is answered with the stored id and not run again.
    /// </summary>
    public async Task<PostedActivity> PostFromUserAsync(DirectLineConversation conversation, Activity incoming, ChannelAccount sender, string serviceUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(incoming);
        ArgumentNullException.ThrowIfNull(sender);
        await JoinAsync(conversation, sender, serviceUrl, incoming.Locale, cancellationToken);

        var stamped = incoming with
        {
            Id = null,
            ChannelId = ChannelId,
            ServiceUrl = serviceUrl,
            Timestamp = time.GetUtcNow(),
            From = (incoming.From ?? new ChannelAccount()) with { Id = sender.Id, Name = sender.Name, Role = "user" },
            Recipient = Bot,
            Conversation = conversation.ToAccount(),
            // Never trusted from the wire (A2251).
            CallerId = null,
            // Replies always travel through this channel's Connector routes; a client cannot ask
            // for them in the HTTP answer (expectReplies), which this API has no room for.
            DeliveryMode = null,
        };
        var appended = await store.AppendAsync(conversation.Id, stamped, ClientActivityId(incoming), delivered: false, cancellationToken);
        if (!appended.IsRetry)
        {
            hub.Notify(conversation.Id);
        }
        else if (appended.Delivered)
        {
            return new PostedActivity(appended.Id, BotDelivery.Delivered);
        }

        var delivery = await DeliverAsync(appended.Activity, cancellationToken);
        if (delivery.Succeeded)
        {
            await store.MarkDeliveredAsync(conversation.Id, appended.Id, cancellationToken);
        }

        return new PostedActivity(appended.Id, delivery);
    }

    /// <summary>Appends what the bot sent through the Connector API; everybody in the conversation sees it.</summary>
    public async Task<string> AppendFromBotAsync(DirectLineConversation conversation, Activity activity, string? replyToId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(activity);
        var stamped = activity with
        {
            Id = null,
            ChannelId = ChannelId,
            Timestamp = time.GetUtcNow(),
            From = Bot,
            Conversation = conversation.ToAccount(),
            ReplyToId = replyToId ?? activity.ReplyToId,
        };
        var appended = await store.AppendAsync(conversation.Id, stamped, clientActivityId: null, delivered: true, cancellationToken);
        hub.Notify(conversation.Id);
        return appended.Id;
    }

    /// <summary>
    /// Replaces one of the bot's own activities, keeping its id and original timestamp so Web Chat
    /// swaps it in place. Null when there is no such activity, false when it is not the bot's.
    /// </summary>
    public async Task<bool?> ReplaceFromBotAsync(DirectLineConversation conversation, string activityId, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(activity);
        var existing = await store.FindActivityAsync(conversation.Id, activityId, cancellationToken);
        if (existing is null)
        {
            return null;
        }

        if (!string.Equals(existing.From?.Role, "bot", StringComparison.Ordinal))
        {
            return false;
        }

        var replacement = activity with
        {
            Id = activityId,
            ChannelId = ChannelId,
            Timestamp = existing.Timestamp,
            From = Bot,
            Conversation = conversation.ToAccount(),
            ReplyToId = activity.ReplyToId ?? existing.ReplyToId,
        };
        if (!await store.ReplaceAsync(conversation.Id, replacement, cancellationToken))
        {
            return null;
        }

        hub.Notify(conversation.Id);
        return true;
    }

    private async Task<BotDelivery> DeliverAsync(Activity activity, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var processor = scope.ServiceProvider.GetService<IActivityProcessor>();
        if (processor is null)
        {
            return BotDelivery.Failed(DirectLineErrors.BotError, "Failed to send activity: no bot is running behind this channel.");
        }

        try
        {
            using var turn = scope.ServiceProvider.GetRequiredService<ChatReportMetrics>().StartTurn(activity.ChannelId);
            var outcome = await processor.ProcessAsync(activity, AuthenticationOutcome.LocalChannel, cancellationToken);
            turn.Complete(outcome.StatusCode);
            return outcome.StatusCode switch
            {
                >= 200 and < 300 => BotDelivery.Delivered,
                // 501 is the bot's answer to an invoke nobody handles: a refusal, not a failure.
                (>= 400 and < 500) or StatusCodes.Status501NotImplemented
                    => BotDelivery.Failed(DirectLineErrors.BotRejectedActivity, $"Failed to send activity: bot returned {outcome.StatusCode}."),
                _ => BotDelivery.Failed(DirectLineErrors.BotError, $"Failed to send activity: bot returned {outcome.StatusCode}."),
            };
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(ex, "The bot failed on {ActivityType} {ActivityId} in {ConversationId}", activity.Type, activity.Id, activity.Conversation?.Id);
            return BotDelivery.Failed(DirectLineErrors.BotError, "Failed to send activity: bot returned an error.");
        }
    }

    private static string? ClientActivityId(Activity activity) =>
        activity.ChannelData is { ValueKind: JsonValueKind.Object } data
        && data.TryGetProperty("clientActivityID", out var id)
        && id.ValueKind == JsonValueKind.String
        && id.GetString() is { Length: > 0 and <= 256 } value
            ? value
            : null;
}

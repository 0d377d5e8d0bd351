using System.Security.Claims;
using System.Text.Json;
using ChatReport.Bot.Authentication;
using ChatReport.Bot.Connector;
using ChatReport.Bot.Messaging;
using ChatReport.Bot.Storage.Channels;
using ChatReport.Dialogs.Schema;
using ChatReport.Dialogs.Turns;

namespace ChatReport.Bot.Proactive;

/// <summary>
/// Posts into a conversation outside of an inbound turn (notices to a secretary, daily digests).
/// The callback gets a turn context whose sends are addressed exactly as replies would be.
/// </summary>
/// <remarks>
/// With authentication on, only serviceUrls that arrived on an authenticated activity (or came
/// back from CreateConversation) are called: the stored reference must be verified and name the
/// same serviceUrl. With authentication off (no MicrosoftAppId), as in the SDK, any is called.
/// The middleware pipeline does not run for these turns; the caller handles its own errors.
/// </remarks>
public sealed class ProactiveMessenger(
    ConversationReferenceStore references,
    ConnectorClient connector,
    Outbox.Outbox outbox,
    BotFrameworkSettings settings,
    TimeProvider time,
    ILogger<ProactiveMessenger> logger)
{
    public const string ContinueConversationEvent = "ContinueConversation";
    public const string CreateConversationEvent = "CreateConversation";

    private static readonly AuthenticationOutcome BotItself = new(true, new ClaimsIdentity("proactive"), null, true, null);

    /// <summary>Continues the stored conversation with this channel and id.</summary>
    public async Task ContinueConversationAsync(
        string channelId,
        string conversationId,
        Func<ITurnContext, CancellationToken, Task> callback,
        CancellationToken cancellationToken)
    {
        var stored = await references.FindAsync(channelId, conversationId, cancellationToken)
            ?? throw new InvalidOperationException($"The bot has never seen conversation '{conversationId}' on '{channelId}', so it cannot post there.");
        await ContinueConversationAsync(stored.ToConversationReference(), callback, cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="callback"/> in the referenced conversation. With an
    /// <see cref="ConversationReference.ActivityId"/> the sends reply to that activity (a thread
    /// in a Teams channel); without one they go to the bottom of the conversation.
    /// </summary>
    public async Task ContinueConversationAsync(
        ConversationReference reference,
        Func<ITurnContext, CancellationToken, Task> callback,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(callback);
        await EnsureTrustedAsync(reference, cancellationToken);
        await RunAsync(reference, ContinueConversationEvent, callback, cancellationToken);
    }

    /// <summary>
    /// Opens a 1:1 conversation with <paramref name="user"/> through the channel and service of
    /// <paramref name="origin"/> (any conversation of the same channel and tenant), remembers it,
    /// and runs <paramref name="callback"/> in it. Teams needs the user's <c>29:</c> id and the
    /// tenant; channels that cannot create conversations (Direct Line, Web Chat) answer with an
    /// error, which surfaces as a <see cref="ConnectorException"/>.
    /// </summary>
    public async Task<ConversationReference> CreateConversationAsync(
        ConversationReference origin,
        ChannelAccount user,
        Func<ITurnContext, CancellationToken, Task> callback,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(origin);
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(callback);
        var verified = await EnsureTrustedAsync(origin, cancellationToken);
        var tenantId = origin.Conversation?.TenantId;
        var parameters = new ConversationParameters
        {
            IsGroup = false,
            Bot = origin.Bot,
            Members = [user],
            TenantId = tenantId,
            ChannelData = tenantId is null ? null : JsonSerializer.SerializeToElement(new { tenant = new { id = tenantId } }, BotJson.Options),
        };

        var created = await connector.CreateConversationAsync(origin.ServiceUrl!, parameters, cancellationToken);
        if (string.IsNullOrEmpty(created.Id))
        {
            throw new ConnectorException("CreateConversation", null, null, "The channel created a conversation but did not say its id.", null, null);
        }

        var reference = new ConversationReference
        {
            ChannelId = origin.ChannelId,
            ServiceUrl = created.ServiceUrl ?? origin.ServiceUrl,
            Conversation = new ConversationAccount { Id = created.Id, TenantId = tenantId, IsGroup = false, ConversationType = "personal" },
            Bot = origin.Bot,
            User = user,
            Locale = origin.Locale,
        };
        await references.SaveAsync(
            new StoredConversationReference
            {
                ChannelId = reference.ChannelId ?? "",
                ConversationId = created.Id,
                ServiceUrl = reference.ServiceUrl!,
                BotId = origin.Bot?.Id ?? "",
                BotName = origin.Bot?.Name,
                UserId = user.Id,
                UserName = user.Name,
                TenantId = tenantId,
                ConversationType = "personal",
                IsGroup = false,
                Locale = origin.Locale,
                Verified = verified,
                UpdatedAt = time.GetUtcNow(),
            },
            cancellationToken);
        logger.LogInformation("Created conversation {ConversationId} with {UserId} on {ChannelId}", created.Id, user.Id, origin.ChannelId);

        await RunAsync(reference, CreateConversationEvent, callback, cancellationToken);
        return reference;
    }

    private async Task RunAsync(ConversationReference reference, string eventName, Func<ITurnContext, CancellationToken, Task> callback, CancellationToken cancellationToken)
    {
        // The SDK fabricates an inbound-looking event so that bot code sees a normal turn. It has
        // no id: replies built with CreateReply would otherwise point replyToId at it, and the
        // reference alone decides whether sends thread under an existing message.
        var activity = new Activity
        {
            Type = ActivityTypes.Event,
            Name = eventName,
            ChannelId = reference.ChannelId,
            ServiceUrl = reference.ServiceUrl,
            Conversation = reference.Conversation,
            Recipient = reference.Bot,
            From = reference.User,
            Locale = reference.Locale,
            RelatesTo = reference,
        };
        var turnContext = new TurnContext(activity, BotItself, reference, connector, outbox, bufferReplies: false);
        await callback(turnContext, cancellationToken);
    }

    /// <summary>Returns whether the serviceUrl is verified; throws when it must be and is not.</summary>
    private async Task<bool> EnsureTrustedAsync(ConversationReference reference, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(reference.ServiceUrl) || reference.Conversation?.Id is not { Length: > 0 } conversationId)
        {
            throw new ArgumentException("A conversation reference needs a serviceUrl and a conversation id.", nameof(reference));
        }

        var stored = await references.FindAsync(reference.ChannelId ?? "", conversationId, cancellationToken);
        var verified = stored is { Verified: true }
            && string.Equals(stored.ServiceUrl, reference.ServiceUrl, StringComparison.OrdinalIgnoreCase);
        if (!verified && settings.IsAuthenticationEnabled)
        {
            throw new InvalidOperationException(
                $"Conversation '{conversationId}' on '{reference.ChannelId}' has no serviceUrl vouched for by an authenticated activity; " +
                "the bot posts only where a channel has reached it first.");
        }

        return verified;
    }
}

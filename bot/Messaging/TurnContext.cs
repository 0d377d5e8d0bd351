using System.Text.Json;
using ChatReport.Bot.Authentication;
using ChatReport.Bot.Connector;
using ChatReport.Dialogs.Schema;
using ChatReport.Dialogs.Turns;

namespace ChatReport.Bot.Messaging;

/// <summary>
/// One turn: the inbound activity and the way to answer it. Everything sent is addressed the way
/// the SDK addresses it (from the bot to the user, in the same conversation, replying to the
/// reference's activity) and goes into the outbox, inside the turn's transaction, to be delivered
/// to the Connector at the reference's serviceUrl once the turn has committed; or into the HTTP
/// answer when the channel asked for <c>expectReplies</c>.
/// </summary>
public sealed class TurnContext : ITurnContext
{
    private readonly ConnectorClient _connector;
    private readonly Outbox.Outbox _outbox;
    private readonly List<Activity>? _bufferedReplies;

    public TurnContext(
        Activity activity,
        AuthenticationOutcome authentication,
        ConversationReference reference,
        ConnectorClient connector,
        Outbox.Outbox outbox,
        bool bufferReplies)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(authentication);
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(connector);
        ArgumentNullException.ThrowIfNull(outbox);
        Activity = activity;
        Authentication = authentication;
        Reference = reference;
        _connector = connector;
        _outbox = outbox;
        _bufferedReplies = bufferReplies ? [] : null;
    }

    /// <summary>The inbound activity; middleware may replace it (mention removal does).</summary>
    public Activity Activity { get; set; }

    public AuthenticationOutcome Authentication { get; }

    /// <summary>Where outgoing activities go and whom they reply to.</summary>
    public ConversationReference Reference { get; }

    public bool Responded { get; private set; }

    public TurnState TurnState { get; } = new();

    /// <summary>What the HTTP request of an <c>invoke</c> answers; null means nobody handled it.</summary>
    public InvokeResponse? InvokeResponse { get; set; }

    /// <summary>Replies held back for an <c>expectReplies</c> answer, in the order they were sent.</summary>
    public IReadOnlyList<Activity> BufferedReplies => _bufferedReplies ?? [];

    public async Task<ResourceResponse> SendActivityAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.IsType(InvokeResponse.ActivityType))
        {
            InvokeResponse = ReadInvokeResponse(activity);
            Responded = true;
            return new ResourceResponse(null);
        }

        // The SDK sends traces only to the Emulator; other channels would show them to users.
        if (activity.IsType(ActivityTypes.Trace) && !string.Equals(Reference.ChannelId, "emulator", StringComparison.Ordinal))
        {
            return new ResourceResponse(null);
        }

        var outgoing = Address(activity) with { Id = null };
        if (_bufferedReplies is not null)
        {
            // The HTTP answer is the channel's message as much as a Connector send is, so it is
            // shaped by the same formatter (ConnectorClient formats the outbox's sends).
            _bufferedReplies.Add(ChannelTextFormatter.Format(outgoing));
            Responded |= !outgoing.IsType(ActivityTypes.Trace);
            return new ResourceResponse(null);
        }

        // The id exists only once the channel has the activity, after the commit.
        await _outbox.AddAsync(RequireServiceUrl(), RequireConversationId(), outgoing, cancellationToken);
        Responded |= !outgoing.IsType(ActivityTypes.Trace);
        return new ResourceResponse(null);
    }

    /// <summary>Forgets replies buffered for <c>expectReplies</c> after the first <paramref name="count"/> (a failed part of the turn).</summary>
    public void DiscardBufferedRepliesAfter(int count)
    {
        if (_bufferedReplies is not null && _bufferedReplies.Count > count)
        {
            _bufferedReplies.RemoveRange(count, _bufferedReplies.Count - count);
        }
    }

    public Task<ResourceResponse> UpdateActivityAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (string.IsNullOrEmpty(activity.Id))
        {
            throw new ArgumentException("An update must carry the id of the activity it replaces.", nameof(activity));
        }

        return _connector.UpdateActivityAsync(RequireServiceUrl(), RequireConversationId(), activity.Id, Address(activity), cancellationToken);
    }

    public Task DeleteActivityAsync(string activityId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(activityId);
        return _connector.DeleteActivityAsync(RequireServiceUrl(), RequireConversationId(), activityId, cancellationToken);
    }

    // Mirrors the SDK's ApplyConversationReference for outgoing activities: the reference decides
    // channel, serviceUrl, conversation, sender and recipient; its activity id, when there is
    // one, becomes replyToId, so replies thread under the message that caused them.
    private Activity Address(Activity activity) => activity with
    {
        ChannelId = Reference.ChannelId,
        ServiceUrl = Reference.ServiceUrl,
        Conversation = Reference.Conversation,
        From = Reference.Bot,
        Recipient = Reference.User,
        ReplyToId = Reference.ActivityId ?? activity.ReplyToId,
        Locale = Reference.Locale ?? activity.Locale,
    };

    private string RequireServiceUrl() =>
        string.IsNullOrEmpty(Reference.ServiceUrl)
            ? throw new InvalidOperationException("This conversation has no serviceUrl, so nothing can be sent into it.")
            : Reference.ServiceUrl;

    private string RequireConversationId() =>
        Reference.Conversation?.Id is { Length: > 0 } id
            ? id
            : throw new InvalidOperationException("This conversation has no id, so nothing can be sent into it.");

    private static InvokeResponse ReadInvokeResponse(Activity activity)
    {
        if (activity.Value is not { ValueKind: JsonValueKind.Object } value)
        {
            throw new ArgumentException("An invokeResponse activity needs a value of the form {\"status\":200,\"body\":{…}}.", nameof(activity));
        }

        return value.Deserialize<InvokeResponse>(BotJson.Options)
            ?? throw new ArgumentException("An invokeResponse activity needs a value.", nameof(activity));
    }
}

using System.Text.Json;
using ChatReport.Bot.Authentication;
using ChatReport.Bot.Connector;
using ChatReport.Bot.Storage.Connections;
using ChatReport.Dialogs.Schema;
using ChatReport.Dialogs.Turns;

namespace ChatReport.Bot.Messaging;

/// <summary>
/// Runs an authenticated activity through the middleware, in registration order, and then hands
/// it to the bot if its type is one the bot handles. Reactions, typing and types this version
/// does not know are acknowledged without running the bot, as the protocol asks.
/// </summary>
/// <remarks>
/// The whole turn is one unit of the <see cref="GroupCommit"/>: the processed-activity record,
/// the dialog state, every domain row and every message the turn sends commit together, and this
/// method returns (so the channel hears 200) only once they are durable. A turn that fails before
/// the commit leaves no trace, and the channel's redelivery runs it again from the start.
/// </remarks>
public sealed class ActivityProcessor(
    IEnumerable<ITurnMiddleware> middleware,
    IBot bot,
    ConnectorClient connector,
    Outbox.Outbox outbox,
    GroupCommit commits,
    IEnumerable<ITurnPreparation> preparations,
    ILogger<ActivityProcessor> logger) : IActivityProcessor
{
    private const string ExpectReplies = "expectReplies";

    private readonly ITurnMiddleware[] _middleware = [.. middleware];
    private readonly ITurnPreparation[] _preparations = [.. preparations];

    public async Task<TurnOutcome> ProcessAsync(Activity activity, AuthenticationOutcome authentication, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(authentication);
        if (!authentication.IsAuthenticated)
        {
            return new TurnOutcome(StatusCodes.Status401Unauthorized, null);
        }

        // callerId is never taken from the wire; authentication decides it.
        var inbound = activity with { CallerId = authentication.CallerId };
        var bufferReplies = string.Equals(inbound.DeliveryMode, ExpectReplies, StringComparison.Ordinal);
        var turnContext = new TurnContext(inbound, authentication, inbound.GetConversationReference(), connector, outbox, bufferReplies);

        // Turns run one after another on the writer; what needs no database write (recognising
        // the message) is done here, concurrently, and the turn finds it remembered.
        await PrepareAsync(inbound, cancellationToken);
        await commits.RunAsync(
            async ct =>
            {
                await RunAsync(turnContext, 0, ct);
                return turnContext;
            },
            cancellationToken);

        if (bufferReplies)
        {
            var body = JsonSerializer.SerializeToElement(new { activities = turnContext.BufferedReplies }, BotJson.Options);
            return new TurnOutcome(StatusCodes.Status200OK, body);
        }

        if (inbound.IsType(ActivityTypes.Invoke))
        {
            return turnContext.InvokeResponse is { } invoke
                ? new TurnOutcome(invoke.Status, ChannelTextFormatter.FormatInvokeBody(invoke.Body))
                : new TurnOutcome(StatusCodes.Status501NotImplemented, null);
        }

        return TurnOutcome.Ok;
    }

    /// <summary>The activity types the bot sees; everything else is acknowledged and dropped.</summary>
    public static bool IsDispatched(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return activity.Type switch
        {
            ActivityTypes.Message or ActivityTypes.ConversationUpdate or ActivityTypes.Invoke
                or ActivityTypes.InstallationUpdate or ActivityTypes.Event or ActivityTypes.EndOfConversation => true,
            _ => false,
        };
    }

    private async Task PrepareAsync(Activity activity, CancellationToken cancellationToken)
    {
        foreach (var preparation in _preparations)
        {
            try
            {
                await preparation.PrepareAsync(activity, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Only a head start: the turn computes whatever was not prepared.
                logger.LogDebug(ex, "Preparing activity {ActivityId} failed", activity.Id);
            }
        }
    }

    private Task RunAsync(TurnContext turnContext, int index, CancellationToken cancellationToken)
    {
        if (index < _middleware.Length)
        {
            return _middleware[index].OnTurnAsync(turnContext, next => RunAsync(turnContext, index + 1, next), cancellationToken);
        }

        return IsDispatched(turnContext.Activity) ? bot.OnTurnAsync(turnContext, cancellationToken) : Task.CompletedTask;
    }
}

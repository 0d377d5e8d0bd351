using System.Buffers;
using System.Text.Json;
using ChatReport.Bot.Authentication;
using ChatReport.Bot.Connector;
using ChatReport.Bot.Metrics;
using ChatReport.Dialogs.Schema;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace ChatReport.Bot.Messaging;

/// <summary>
/// <c>POST /api/messages</c>, where channels deliver activities. Bad input of every kind gets a
/// 4xx with an ErrorResponse body and a log line, never a 5xx: a 5xx makes channels redeliver.
/// Other verbs get 405 from routing.
/// </summary>
public static class MessagesEndpoint
{
    private const string LoggerName = "ChatReport.Bot.Messaging.MessagesEndpoint";

    public static RouteGroupBuilder MapBotMessages(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/messages");
        group.MapPost("", PostActivityAsync);
        return group;
    }

    public static async Task<Results<Ok, JsonHttpResult<JsonElement>, StatusCodeHttpResult, JsonHttpResult<ErrorResponse>>> PostActivityAsync(
        HttpRequest request,
        IChannelAuthenticator authenticator,
        IActivityProcessor processor,
        ChatReportMetrics metrics,
        IOptions<MessagingOptions> options,
        ILoggerFactory loggerFactory,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(authenticator);
        ArgumentNullException.ThrowIfNull(processor);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        var logger = loggerFactory.CreateLogger(LoggerName);

        if (!request.HasJsonContentType())
        {
            return Refuse(logger, StatusCodes.Status415UnsupportedMediaType, "UnsupportedMediaType",
                $"Activities are JSON; Content-Type '{request.ContentType}' is not.");
        }

        var limit = options.Value.MaxBodyBytes;
        var body = request.ContentLength > limit ? null : await ReadBodyAsync(request.Body, request.ContentLength, limit, cancellationToken);
        if (body is null)
        {
            return Refuse(logger, StatusCodes.Status413PayloadTooLarge, "MessageSizeTooBig",
                $"The activity is larger than {limit} bytes.");
        }

        Activity? activity;
        try
        {
            activity = JsonSerializer.Deserialize<Activity>(body.WrittenSpan, BotJson.Options);
        }
        catch (JsonException ex)
        {
            return Refuse(logger, StatusCodes.Status400BadRequest, "BadSyntax",
                $"The body is not a readable activity: {ex.Message}");
        }

        if (Validate(activity) is { } problem)
        {
            return Refuse(logger, StatusCodes.Status400BadRequest, problem.Code, problem.Message);
        }

        var authorization = request.Headers.Authorization is { Count: > 0 } header ? header.ToString() : null;
        var authentication = await authenticator.AuthenticateAsync(authorization, activity!, cancellationToken);
        if (!authentication.IsAuthenticated)
        {
            logger.LogWarning("Refused activity {ActivityId} from {ChannelId}: {Reason}", activity!.Id, activity.ChannelId, authentication.FailureReason);
            return TypedResults.Json(
                new ErrorResponse(new ErrorDetail("Unauthorized", "The request is not authenticated.")),
                BotJson.Options,
                statusCode: StatusCodes.Status401Unauthorized);
        }

        // Like the SDK, a turn is not abandoned when the channel hangs up (Teams gives up after
        // 15 s and redelivers): half a turn is worse than a late one, and de-duplication answers
        // the redelivery. Every wait inside is bounded by the Connector and SQLite timeouts.
        using var turn = metrics.StartTurn(activity!.ChannelId);
        var outcome = await processor.ProcessAsync(activity!, authentication, CancellationToken.None);
        turn.Complete(outcome.StatusCode);
        return outcome switch
        {
            { Body: { } json } => TypedResults.Json(json, BotJson.Options, statusCode: outcome.StatusCode),
            { StatusCode: StatusCodes.Status200OK } => TypedResults.Ok(),
            _ => TypedResults.StatusCode(outcome.StatusCode),
        };
    }

    /// <summary>What a channel must send so that the bot can answer, or null when the activity is usable.</summary>
    public static ErrorDetail? Validate(Activity? activity)
    {
        if (activity is null)
        {
            return new ErrorDetail("BadArgument", "The body must be a JSON object (an activity).");
        }

        if (string.IsNullOrWhiteSpace(activity.Type))
        {
            return new ErrorDetail("MissingProperty", "The activity has no 'type'.");
        }

        if (string.IsNullOrWhiteSpace(activity.Conversation?.Id))
        {
            return new ErrorDetail("MissingProperty", "The activity has no 'conversation.id'.");
        }

        if (activity.ServiceUrl is not null && !IsHttpUrl(activity.ServiceUrl))
        {
            return new ErrorDetail("BadArgument", "The activity's 'serviceUrl' is not an absolute http(s) URL.");
        }

        // Without a serviceUrl the bot could not reply; with expectReplies the replies travel in
        // the HTTP answer instead, and ignored types need no reply.
        if (activity.ServiceUrl is null
            && ActivityProcessor.IsDispatched(activity)
            && !string.Equals(activity.DeliveryMode, "expectReplies", StringComparison.Ordinal))
        {
            return new ErrorDetail("MissingProperty", "The activity has no 'serviceUrl' to reply to.");
        }

        return null;
    }

    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    /// <summary>The body, or null as soon as it grows past <paramref name="limit"/> (chunked bodies have no length up front).</summary>
    internal static async Task<ArrayBufferWriter<byte>?> ReadBodyAsync(Stream body, long? length, int limit, CancellationToken cancellationToken)
    {
        // An activity is a kilobyte or two: a buffer of its announced length (and the byte that
        // lets the last read see the end) instead of 16 KiB per turn; chunked bodies grow from 4 KiB.
        var buffer = new ArrayBufferWriter<byte>(length is { } announced ? (int)announced + 1 : Math.Min(limit, 4 * 1024));
        while (true)
        {
            var memory = buffer.GetMemory(length is null ? 1024 : 1);
            var read = await body.ReadAsync(memory, cancellationToken);
            if (read == 0)
            {
                return buffer;
            }

            buffer.Advance(read);
            if (buffer.WrittenCount > limit)
            {
                return null;
            }
        }
    }

    private static JsonHttpResult<ErrorResponse> Refuse(ILogger logger, int status, string code, string message)
    {
        logger.LogWarning("Rejected a request to /api/messages with {StatusCode} {ErrorCode}: {Reason}", status, code, message);
        return TypedResults.Json(new ErrorResponse(new ErrorDetail(code, message)), BotJson.Options, statusCode: status);
    }
}

using System.Text.Json;
using ChatReport.Bot.Messaging;
using ChatReport.Bot.Storage.Channels;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace ChatReport.Bot.Channels.DingTalk;

/// <summary>
/// <c>POST /api/dingtalk</c>, the robot's HTTP callback (message receiving URL), and
/// <c>GET /api/dingtalk/files/{id}</c>, where kept pictures are served. A callback is refused
/// with a 4xx and no turn unless its <c>timestamp</c> and <c>sign</c> headers hold, it is
/// JSON, and it is for the configured robot.
/// </summary>
public static class DingTalkEndpoint
{
    public const string Path = "/api/dingtalk";

    private const string LoggerName = "ChatReport.Bot.Channels.DingTalk.DingTalkEndpoint";

    public static RouteGroupBuilder MapDingTalk(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var group = endpoints.MapGroup(Path);
        group.MapPost("", PostCallbackAsync);
        group.MapGet("files/{id}", GetFileAsync);
        return group;
    }

    public static async Task<Results<Ok, StatusCodeHttpResult, ProblemHttpResult>> PostCallbackAsync(
        HttpRequest request,
        DingTalkChannel channel,
        IOptions<DingTalkOptions> options,
        IOptions<MessagingOptions> messaging,
        TimeProvider time,
        ILoggerFactory loggerFactory,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(messaging);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        var logger = loggerFactory.CreateLogger(LoggerName);
        var settings = options.Value;

        var refusal = DingTalkSignature.Check(request.Headers["timestamp"].ToString(), request.Headers["sign"].ToString(), settings.AppSecret!, time.GetUtcNow());
        if (refusal is not null)
        {
            return Refuse(logger, StatusCodes.Status401Unauthorized, $"The callback is not signed by this app: {refusal}.");
        }

        var limit = messaging.Value.MaxBodyBytes;
        var body = request.ContentLength > limit ? null : await MessagesEndpoint.ReadBodyAsync(request.Body, request.ContentLength, limit, cancellationToken);
        if (body is null)
        {
            return Refuse(logger, StatusCodes.Status413PayloadTooLarge, $"The callback is larger than {limit} bytes.");
        }

        DingTalkCallback? callback;
        string? problem;
        try
        {
            (callback, problem) = DingTalkCallback.Parse(body.WrittenMemory);
        }
        catch (JsonException)
        {
            return Refuse(logger, StatusCodes.Status400BadRequest, "The callback body is not JSON.");
        }

        if (callback is null)
        {
            return Refuse(logger, StatusCodes.Status400BadRequest, $"The callback cannot be used: {problem}.");
        }

        if (!string.Equals(callback.RobotCode, settings.RobotCode, StringComparison.Ordinal))
        {
            return Refuse(logger, StatusCodes.Status403Forbidden, "The callback is for another robot.");
        }

        var filesBaseUrl = $"{request.Scheme}://{request.Host}{request.PathBase}{Path}/files/";
        // As on /api/messages, a turn is not abandoned when DingTalk hangs up: half a turn is
        // worse than a late one, and de-duplication absorbs a redelivery.
        var outcome = await channel.ProcessAsync(callback, filesBaseUrl, CancellationToken.None);
        return outcome.StatusCode is >= 200 and < 300 ? TypedResults.Ok() : TypedResults.StatusCode(outcome.StatusCode);
    }

    public static async Task<Results<FileContentHttpResult, NotFound>> GetFileAsync(string id, DingTalkStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var file = id.Length <= 64 ? await store.FindFileAsync(id, cancellationToken) : null;
        return file is null ? TypedResults.NotFound() : TypedResults.File(file.Content, file.ContentType);
    }

    private static ProblemHttpResult Refuse(ILogger logger, int status, string reason)
    {
        logger.LogWarning("Refused a DingTalk callback with {StatusCode}: {Reason}", status, reason);
        return TypedResults.Problem(reason, statusCode: status);
    }
}

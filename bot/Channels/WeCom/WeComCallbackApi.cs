using ChatReport.Bot.Channels.WeChatCrypto;
using ChatReport.Bot.DirectLine;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace ChatReport.Bot.Channels.WeCom;

/// <summary>
/// <c>GET /api/wecom</c> (URL verification) and <c>POST /api/wecom</c> (messages and events).
/// A callback that fails any check gets 401 (signature, timestamp) or 400 (anything unreadable)
/// and runs no turn; an accepted one gets 200 with an empty body, which is WeCom's "received":
/// replies go out through the active message API.
/// </summary>
public static class WeComCallbackApi
{
    public const string Route = "/api/wecom";
    private const int MaxBodyBytes = 64 * 1024;
    private const string LoggerName = "ChatReport.Bot.Channels.WeCom.WeComCallbackApi";

    public static IEndpointRouteBuilder MapWeCom(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        if (endpoints.ServiceProvider.GetService<WeComInbound>() is null)
        {
            return endpoints;
        }

        endpoints.MapGet(Route, VerifyUrl);
        endpoints.MapPost(Route, ReceiveAsync);
        return endpoints;
    }

    private static Results<ContentHttpResult, UnauthorizedHttpResult, BadRequest<string>> VerifyUrl(
        [FromQuery(Name = "msg_signature")] string? signature,
        [FromQuery(Name = "timestamp")] string? timestamp,
        [FromQuery(Name = "nonce")] string? nonce,
        [FromQuery(Name = "echostr")] string? echo,
        WeComInbound inbound,
        ILoggerFactory loggers)
    {
        try
        {
            return TypedResults.Text(inbound.VerifyUrl(signature, timestamp, nonce, echo), "text/plain", System.Text.Encoding.UTF8);
        }
        catch (WeChatCryptoException ex)
        {
            return Refuse(loggers, ex);
        }
    }

    private static async Task<Results<Ok, UnauthorizedHttpResult, BadRequest<string>, StatusCodeHttpResult>> ReceiveAsync(
        [FromQuery(Name = "msg_signature")] string? signature,
        [FromQuery(Name = "timestamp")] string? timestamp,
        [FromQuery(Name = "nonce")] string? nonce,
        HttpRequest request,
        WeComInbound inbound,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var body = await RequestBody.ReadAsync(request, MaxBodyBytes, cancellationToken);
        if (body.TooLarge)
        {
            return TypedResults.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        try
        {
            await inbound.ReceiveAsync(signature, timestamp, nonce, body.Bytes, request, cancellationToken);
            return TypedResults.Ok();
        }
        catch (WeChatCryptoException ex)
        {
            return Refuse(loggers, ex) switch
            {
                { Result: UnauthorizedHttpResult unauthorized } => unauthorized,
                { Result: BadRequest<string> bad } => bad,
                _ => TypedResults.StatusCode(StatusCodes.Status400BadRequest),
            };
        }
    }

    private static Results<ContentHttpResult, UnauthorizedHttpResult, BadRequest<string>> Refuse(ILoggerFactory loggers, WeChatCryptoException ex)
    {
        loggers.CreateLogger(LoggerName).LogWarning("Refused a WeCom callback ({Error}): {Reason}", ex.Error, ex.Message);
        return ex.Error == WeChatCryptoError.SignatureMismatch ? TypedResults.Unauthorized() : TypedResults.BadRequest(ex.Message);
    }
}

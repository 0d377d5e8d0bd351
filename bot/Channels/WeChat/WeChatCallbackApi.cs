using ChatReport.Bot.Channels.WeChatCrypto;
using ChatReport.Bot.DirectLine;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace ChatReport.Bot.Channels.WeChat;

/// <summary>
/// <c>GET /api/wechat</c> (server verification) and <c>POST /api/wechat</c>. Refused callbacks get
/// 401 or 400 and run no turn; accepted ones get <c>success</c> at once (WeChat's "received, no
/// passive reply"): answers go through the customer-service message API.
/// </summary>
public static class WeChatCallbackApi
{
    public const string Route = "/api/wechat";
    private const int MaxBodyBytes = 64 * 1024;
    private const string LoggerName = "ChatReport.Bot.Channels.WeChat.WeChatCallbackApi";

    public static IEndpointRouteBuilder MapWeChat(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        if (endpoints.ServiceProvider.GetService<WeChatInbound>() is null)
        {
            return endpoints;
        }

        endpoints.MapGet(Route, VerifyUrl);
        endpoints.MapPost(Route, ReceiveAsync);
        return endpoints;
    }

    private static Results<ContentHttpResult, UnauthorizedHttpResult, BadRequest<string>> VerifyUrl(
        [FromQuery(Name = "signature")] string? signature,
        [FromQuery(Name = "timestamp")] string? timestamp,
        [FromQuery(Name = "nonce")] string? nonce,
        [FromQuery(Name = "echostr")] string? echo,
        WeChatInbound inbound,
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

    private static async Task<Results<ContentHttpResult, UnauthorizedHttpResult, BadRequest<string>, StatusCodeHttpResult>> ReceiveAsync(
        [FromQuery(Name = "signature")] string? signature,
        [FromQuery(Name = "timestamp")] string? timestamp,
        [FromQuery(Name = "nonce")] string? nonce,
        [FromQuery(Name = "encrypt_type")] string? encryptType,
        [FromQuery(Name = "msg_signature")] string? messageSignature,
        HttpRequest request,
        WeChatInbound inbound,
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
            await inbound.ReceiveAsync(new WeChatCallback(signature, timestamp, nonce, encryptType, messageSignature), body.Bytes, request, cancellationToken);
            return TypedResults.Text("success", "text/plain");
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
        loggers.CreateLogger(LoggerName).LogWarning("Refused a WeChat callback ({Error}): {Reason}", ex.Error, ex.Message);
        return ex.Error == WeChatCryptoError.SignatureMismatch ? TypedResults.Unauthorized() : TypedResults.BadRequest(ex.Message);
    }
}

using ChatReport.Bot.Channels.WeChatCrypto;
using ChatReport.Bot.DirectLine;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace ChatReport.Bot.Channels.Platform;

/// <summary>
/// <c>GET</c> (URL verification) and <c>POST</c> (messages and events) of a WeChat-family
/// callback URL. A callback that fails any check gets 401 (signature, timestamp) or 400 (anything
/// unreadable) and runs no turn; an accepted one gets 200 with the platform's "received".
/// </summary>
public static class WeChatFamilyCallbackApi
{
    private const int MaxBodyBytes = 64 * 1024;

    /// <summary>Maps <paramref name="route"/> when the platform is configured (its inbound is registered).</summary>
    public static IEndpointRouteBuilder MapWeChatFamily<TInbound>(this IEndpointRouteBuilder endpoints, string route)
        where TInbound : WeChatFamilyInbound
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        if (endpoints.ServiceProvider.GetService<TInbound>() is null)
        {
            return endpoints;
        }

        endpoints.MapGet(route, VerifyUrl<TInbound>);
        endpoints.MapPost(route, ReceiveAsync<TInbound>);
        return endpoints;
    }

    private static Results<ContentHttpResult, UnauthorizedHttpResult, BadRequest<string>> VerifyUrl<TInbound>(
        [FromQuery(Name = "signature")] string? signature,
        [FromQuery(Name = "msg_signature")] string? messageSignature,
        [FromQuery(Name = "timestamp")] string? timestamp,
        [FromQuery(Name = "nonce")] string? nonce,
        [FromQuery(Name = "echostr")] string? echo,
        TInbound inbound,
        ILoggerFactory loggers)
        where TInbound : WeChatFamilyInbound
    {
        try
        {
            var callback = new WeChatFamilyCallback(signature, messageSignature, timestamp, nonce, null, echo);
            return TypedResults.Text(inbound.VerifyUrl(callback), "text/plain", System.Text.Encoding.UTF8);
        }
        catch (WeChatCryptoException ex)
        {
            return Refuse(loggers, inbound, ex);
        }
    }

    private static async Task<Results<ContentHttpResult, Ok, UnauthorizedHttpResult, BadRequest<string>, StatusCodeHttpResult>> ReceiveAsync<TInbound>(
        [FromQuery(Name = "signature")] string? signature,
        [FromQuery(Name = "msg_signature")] string? messageSignature,
        [FromQuery(Name = "timestamp")] string? timestamp,
        [FromQuery(Name = "nonce")] string? nonce,
        [FromQuery(Name = "encrypt_type")] string? encryptType,
        HttpRequest request,
        TInbound inbound,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
        where TInbound : WeChatFamilyInbound
    {
        var body = await RequestBody.ReadAsync(request, MaxBodyBytes, cancellationToken);
        if (body.TooLarge)
        {
            return TypedResults.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        try
        {
            var callback = new WeChatFamilyCallback(signature, messageSignature, timestamp, nonce, encryptType, null);
            await inbound.ReceiveAsync(callback, body.Bytes, request, cancellationToken);
            return inbound.AcceptedBody is { } accepted ? TypedResults.Text(accepted, "text/plain") : TypedResults.Ok();
        }
        catch (WeChatCryptoException ex)
        {
            return Refuse(loggers, inbound, ex) switch
            {
                { Result: UnauthorizedHttpResult unauthorized } => unauthorized,
                { Result: BadRequest<string> bad } => bad,
                _ => TypedResults.StatusCode(StatusCodes.Status400BadRequest),
            };
        }
    }

    private static Results<ContentHttpResult, UnauthorizedHttpResult, BadRequest<string>> Refuse(ILoggerFactory loggers, WeChatFamilyInbound inbound, WeChatCryptoException ex)
    {
        loggers.CreateLogger(inbound.GetType()).LogWarning("Refused a {Platform} callback ({Error}): {Reason}", inbound.Name, ex.Error, ex.Message);
        return ex.Error == WeChatCryptoError.SignatureMismatch ? TypedResults.Unauthorized() : TypedResults.BadRequest(ex.Message);
    }
}

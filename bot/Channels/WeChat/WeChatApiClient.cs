using System.Text.Json.Nodes;
using ChatReport.Bot.Channels.Platform;
using ChatReport.Bot.Connector;
using Microsoft.Extensions.Options;

namespace ChatReport.Bot.Channels.WeChat;

/// <summary>
/// The Official Account API at <c>WeChat:ApiBaseUrl</c>: <c>stable_token</c>, customer-service
/// messages (<c>message/custom/send</c>) and <c>media/get</c>. The closed 48-hour window (45015)
/// is a final 403.
/// </summary>
public sealed class WeChatApiClient(IHttpClientFactory clients, IOptions<WeChatOptions> options, TimeProvider time, ILogger<WeChatApiClient> logger)
    : WeChatFamilyApiClient(clients, HttpClientName, options.Value.ApiBaseUrl, time, logger)
{
    public const string HttpClientName = "ChatReport.WeChat";

    protected override string Name => "WeChat";

    protected override string TokenOperation => "stable_token";

    /// <summary>A customer-service message to a follower, inside the 48 hours after they last wrote.</summary>
    public Task SendCustomMessageAsync(JsonObject message, string openId, CancellationToken cancellationToken) =>
        CallWithTokenAsync(
            "message/custom/send",
            token => Post($"/cgi-bin/message/custom/send?access_token={Uri.EscapeDataString(token)}", message),
            openId,
            isAnswer: null,
            cancellationToken,
            errcode => errcode == 45015
                ? new ConnectorException("message/custom/send", 403, "45015", "WeChat's 48-hour customer-service window for this follower has closed (45015): they must write to the account again before it can answer.", openId, null)
                : null);

    protected override HttpRequestMessage TokenRequest() =>
        Post("/cgi-bin/stable_token", new JsonObject { ["grant_type"] = "client_credential", ["appid"] = options.Value.AppId, ["secret"] = options.Value.AppSecret, ["force_refresh"] = false });
}

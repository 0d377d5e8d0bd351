using System.Text.Json;
using System.Text.Json.Nodes;
using ChatReport.Bot.Channels.Platform;
using Microsoft.Extensions.Options;

namespace ChatReport.Bot.Channels.WeCom;

/// <summary>
/// WeCom's server API at <c>WeCom:ApiBaseUrl</c>: the app's access token, <c>message/send</c>,
/// <c>media/get</c> and group robots' <c>webhook/send</c>. Robots' URLs carry their key, so this
/// HttpClient logs nothing either.
/// </summary>
public sealed class WeComApiClient(IHttpClientFactory clients, IOptions<WeComOptions> options, TimeProvider time, ILogger<WeComApiClient> logger)
    : WeChatFamilyApiClient(clients, HttpClientName, options.Value.ApiBaseUrl, time, logger)
{
    public const string HttpClientName = "ChatReport.WeCom";

    protected override string Name => "WeCom";

    protected override string TokenOperation => "gettoken";

    /// <summary>Sends an app message (<c>message/send</c>); returns the platform's msgid.</summary>
    public async Task<string?> SendMessageAsync(JsonObject message, string conversationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        message["agentid"] = options.Value.AgentId;
        var answer = await CallWithTokenAsync("message/send", token => Post($"/cgi-bin/message/send?access_token={Uri.EscapeDataString(token)}", message), conversationId, isAnswer: null, cancellationToken);
        return answer.TryGetProperty("msgid", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
    }

    /// <summary>Posts to a group robot (<c>webhook/send?key=</c>); robots need no access token.</summary>
    public async Task SendRobotAsync(string webhookKey, JsonObject message, string conversationId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(webhookKey);
        using var request = Post($"/cgi-bin/webhook/send?key={Uri.EscapeDataString(webhookKey)}", message);
        using var response = await SendAsync("webhook/send", request, conversationId, cancellationToken);
        var (errcode, errmsg) = ReadError(await response.Content.ReadAsByteArrayAsync(cancellationToken));
        if (errcode != 0)
        {
            throw PlatformErrors.Failure("webhook/send", errcode, errmsg, conversationId);
        }
    }

    protected override HttpRequestMessage TokenRequest() =>
        new(HttpMethod.Get, Url($"/cgi-bin/gettoken?corpid={Uri.EscapeDataString(options.Value.CorpId ?? "")}&corpsecret={Uri.EscapeDataString(options.Value.Secret ?? "")}"));
}

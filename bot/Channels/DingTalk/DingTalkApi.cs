using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatReport.Bot.Connector;
using ChatReport.Bot.Storage.Channels;
using Microsoft.Extensions.Options;
using static ChatReport.Bot.Connector.JsonFields;

namespace ChatReport.Bot.Channels.DingTalk;

/// <summary>
/// DingTalk's HTTP APIs the channel uses: the robot send APIs (to users, to a group), the message
/// file download, session webhooks and custom robot webhooks. Every failure is a
/// <see cref="ConnectorException"/> whose status says whether a later attempt may succeed (429,
/// 5xx, none) or not (other 4xx). Webhook URLs carry credentials, so they never appear in a
/// message or a log line.
/// </summary>
public sealed class DingTalkApi(
    IHttpClientFactory httpClients,
    DingTalkAccessTokens tokens,
    IOptions<DingTalkOptions> options,
    TimeProvider time,
    ILogger<DingTalkApi> logger)
{
    public const string HttpClientName = "ChatReport.DingTalk";

    private const string TokenHeader = "x-acs-dingtalk-access-token";
    private const int MaxErrorChars = 500;

    /// <summary>Sends to one member's private chat with the robot; returns DingTalk's processQueryKey.</summary>
    public async Task<string?> SendToUserAsync(string staffId, DingTalkOutgoing message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var (key, param) = message.ForOpenApi();
        var body = new JsonObject
        {
            ["robotCode"] = options.Value.RobotCode,
            ["userIds"] = new JsonArray(staffId),
            ["msgKey"] = key,
            ["msgParam"] = param,
        };
        using var answer = await CallOpenApiAsync("DingTalkSendToUser", "/v1.0/robot/oToMessages/batchSend", body, cancellationToken);
        var root = answer.RootElement;
        if (Contains(root, "flowControlledStaffIdList", staffId))
        {
            throw Fail("DingTalkSendToUser", 429, "flowControlled", "DingTalk held the message back by flow control.");
        }

        if (Contains(root, "invalidStaffIdList", staffId))
        {
            throw Fail("DingTalkSendToUser", 404, "invalidStaffId", "DingTalk does not know this member (or the robot cannot reach them).");
        }

        return StringOf(root, "processQueryKey");
    }

    /// <summary>Sends to a group the robot is in; returns DingTalk's processQueryKey.</summary>
    public async Task<string?> SendToGroupAsync(string openConversationId, DingTalkOutgoing message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var (key, param) = message.ForOpenApi();
        var body = new JsonObject
        {
            ["robotCode"] = options.Value.RobotCode,
            ["openConversationId"] = openConversationId,
            ["msgKey"] = key,
            ["msgParam"] = param,
        };
        using var answer = await CallOpenApiAsync("DingTalkSendToGroup", "/v1.0/robot/groupMessages/send", body, cancellationToken);
        return StringOf(answer.RootElement, "processQueryKey");
    }

    /// <summary>Posts to the session webhook a message came with (no token needed while it lives).</summary>
    public Task SendBySessionAsync(string sessionWebhook, DingTalkOutgoing message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return PostWebhookAsync("DingTalkSendBySession", new Uri(sessionWebhook), message.ForWebhook(), cancellationToken);
    }

    /// <summary>Posts to a custom group robot, signed with its secret.</summary>
    public Task SendToRobotAsync(DingTalkRobot robot, DingTalkOutgoing message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(robot);
        ArgumentNullException.ThrowIfNull(message);
        var timestamp = DingTalkSignature.Timestamp(time.GetUtcNow());
        var sign = Uri.EscapeDataString(DingTalkSignature.Compute(timestamp, robot.Secret));
        var uri = new Uri($"{robot.WebhookUrl}&timestamp={timestamp}&sign={sign}");
        return PostWebhookAsync("DingTalkSendToRobot", uri, message.ForWebhook(), cancellationToken);
    }

    /// <summary>Downloads a picture a member sent, or null (logged) when it cannot be had.</summary>
    public async Task<(byte[] Content, string ContentType)?> DownloadPictureAsync(string downloadCode, CancellationToken cancellationToken)
    {
        try
        {
            var body = new JsonObject { ["downloadCode"] = downloadCode, ["robotCode"] = options.Value.RobotCode };
            using var answer = await CallOpenApiAsync("DingTalkDownloadFile", "/v1.0/robot/messageFiles/download", body, cancellationToken);
            if (StringOf(answer.RootElement, "downloadUrl") is not { } url
                || !Uri.TryCreate(url, UriKind.Absolute, out var uri)
                || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            {
                logger.LogWarning("DingTalk's file download answer had no usable downloadUrl");
                return null;
            }

            using var response = await httpClients.CreateClient(HttpClientName).GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                logger.LogWarning("Downloading a picture from DingTalk failed with {StatusCode}", (int)response.StatusCode);
                return null;
            }

            var limit = options.Value.MaxPictureBytes;
            if (response.Content.Headers.ContentLength > limit)
            {
                logger.LogWarning("A picture of {Length} bytes is over DingTalk:MaxPictureBytes", response.Content.Headers.ContentLength);
                return null;
            }

            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            using var content = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
            {
                if (content.Length + read > limit)
                {
                    logger.LogWarning("A picture is over DingTalk:MaxPictureBytes ({Limit} bytes)", limit);
                    return null;
                }

                await content.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }

            var type = response.Content.Headers.ContentType?.MediaType;
            return (content.ToArray(), type is not null && type.StartsWith("image/", StringComparison.OrdinalIgnoreCase) ? type : "image/jpeg");
        }
        catch (ConnectorException ex)
        {
            logger.LogWarning(ex, "DingTalk did not hand out a picture ({StatusCode} {ErrorCode})", ex.StatusCode, ex.ErrorCode);
            return null;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is HttpRequestException or OperationCanceledException or IOException)
        {
            logger.LogWarning(ex, "Downloading a picture from DingTalk failed");
            return null;
        }
    }

    /// <summary>Reads <c>{code, message}</c> (OpenAPI) or <c>{errcode, errmsg}</c> (old API and webhooks).</summary>
    internal static (string? Code, string Message) ReadError(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            var code = StringOf(root, "code") ?? StringOf(root, "errcode");
            var message = StringOf(root, "message") ?? StringOf(root, "errmsg");
            if (code is not null || message is not null)
            {
                return (code, message ?? "");
            }
        }
        catch (JsonException)
        {
        }

        return (null, body.Length <= MaxErrorChars ? body : body[..MaxErrorChars] + "…");
    }

    // Calls an OpenAPI operation with the app's token; when DingTalk says the token expired (it
    // may drop one early), fetches a fresh one and tries once more.
    private async Task<JsonDocument> CallOpenApiAsync(string operation, string path, JsonObject body, CancellationToken cancellationToken)
    {
        var uri = new Uri(options.Value.ApiBaseUrl, path);
        var payload = Encoding.UTF8.GetBytes(body.ToJsonString());
        for (var attempt = 1; ; attempt++)
        {
            var token = await tokens.GetAsync(cancellationToken);
            using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = Json(payload) };
            request.Headers.Add(TokenHeader, token);
            var (status, text) = await SendAsync(operation, request, cancellationToken);
            if (status is >= 200 and < 300)
            {
                return ParseAnswer(operation, text);
            }

            var (code, message) = ReadError(text);
            if (attempt == 1 && IsExpiredToken(status, code))
            {
                logger.LogInformation("DingTalk answered {Operation} with an expired token ({ErrorCode}); fetching a new one", operation, code);
                tokens.Invalidate(token);
                continue;
            }

            throw Fail(operation, Classify(status, code), code, $"DingTalk answered {status} {code}: {message}");
        }
    }

    private async Task PostWebhookAsync(string operation, Uri uri, JsonObject body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = Json(Encoding.UTF8.GetBytes(body.ToJsonString())) };
        var (status, text) = await SendAsync(operation, request, cancellationToken);
        var (code, message) = ReadError(text);
        if (status is < 200 or >= 300)
        {
            throw Fail(operation, Classify(status, code), code, $"DingTalk answered {status} {code}: {message}");
        }

        // Webhooks answer 200 and put the outcome in errcode.
        if (code is not (null or "0"))
        {
            var mapped = code switch
            {
                "130101" => 429, // sent too fast: more than 20 a minute
                "310000" => 403, // signature, keyword or IP check failed
                "300001" or "400102" or "300005" => 404, // token or session no longer valid
                _ => Classify(400, code),
            };
            throw Fail(operation, mapped, code, $"DingTalk refused the message ({code}): {message}");
        }
    }

    private async Task<(int Status, string Body)> SendAsync(string operation, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
            return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is HttpRequestException or OperationCanceledException)
        {
            // The exception's text may hold the URL, and a webhook URL is a credential.
            throw Fail(operation, null, null, $"DingTalk did not answer ({ex.GetType().Name}).");
        }
    }

    private JsonDocument ParseAnswer(string operation, string text)
    {
        try
        {
            return JsonDocument.Parse(text.Length == 0 ? "{}" : text);
        }
        catch (JsonException)
        {
            throw Fail(operation, 502, null, "DingTalk answered with something that is not JSON.");
        }
    }

    private ConnectorException Fail(string operation, int? status, string? code, string message)
    {
        logger.LogWarning("DingTalk {Operation} failed ({StatusCode} {ErrorCode}): {Message}", operation, status, code, message);
        return new ConnectorException(operation, status, code, message, null, null);
    }

    // DingTalk reports throttling as 429 or as 403/400 with a code naming flow control or a limit.
    private static int Classify(int status, string? code) =>
        status == 429 || (code is not null && (code.Contains("flow", StringComparison.OrdinalIgnoreCase)
            || code.Contains("throttl", StringComparison.OrdinalIgnoreCase)
            || code.Contains("limit", StringComparison.OrdinalIgnoreCase)))
            ? 429
            : status;

    private static bool IsExpiredToken(int status, string? code) =>
        status == 401
        || string.Equals(code, "InvalidAuthentication", StringComparison.OrdinalIgnoreCase)
        || (code is not null && code.Contains("AccessToken", StringComparison.OrdinalIgnoreCase))
        || code is "40014" or "42001";

    private static ByteArrayContent Json(byte[] payload)
    {
        var content = new ByteArrayContent(payload);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }

    private static bool Contains(JsonElement root, string list, string id) =>
        root.ValueKind == JsonValueKind.Object
        && root.TryGetProperty(list, out var items)
        && items.ValueKind == JsonValueKind.Array
        && items.EnumerateArray().Any(i => i.ValueKind == JsonValueKind.String && string.Equals(i.GetString(), id, StringComparison.Ordinal));
}

using System.Net.Http.Headers;
using System.Text.Json;
using ChatReport.Bot.Authentication;
using ChatReport.Bot.Metrics;
using ChatReport.Dialogs.Schema;
using Polly.Timeout;
using static ChatReport.Bot.Connector.JsonFields;

namespace ChatReport.Bot.Connector;

/// <summary>
/// The Bot Framework Connector REST API (v3) at a channel's serviceUrl. Retries, timeouts and
/// per-conversation pacing live in the named HttpClient's handlers (see
/// <see cref="ConnectorServiceCollectionExtensions"/>); this class builds requests and reads answers.
/// Every message's text is shaped for its channel here (<see cref="ChannelTextFormatter"/>), the
/// one place all sends pass through.
/// </summary>
public sealed class ConnectorClient(
    IHttpClientFactory httpClients,
    IConnectorCredentials credentials,
    IEnumerable<IChannelSender> channelSenders,
    ChatReportMetrics metrics,
    ILogger<ConnectorClient> logger)
{
    public const string HttpClientName = "ChatReport.Connector";

    /// <summary>Tells the rate limiter which conversation a request belongs to.</summary>
    public static readonly HttpRequestOptionsKey<string> ConversationKey = new("ChatReport.Connector.ConversationId");

    private const int MaxErrorBodyChars = 2000;

    private readonly Dictionary<string, IChannelSender> _channelSenders = channelSenders.ToDictionary(s => s.ChannelId, StringComparer.Ordinal);

    public async Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentNullException.ThrowIfNull(activity);
        activity = ChannelTextFormatter.Format(activity);
        if (FindChannelSender(activity) is { } sender)
        {
            return await sender.SendAsync(conversationId, activity, cancellationToken);
        }

        var call = new Call("SendToConversation", HttpMethod.Post, serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities", conversationId, activity.ReplyToId);
        return await SendForResourceAsync(call, activity, cancellationToken);
    }

    public async Task<ResourceResponse> ReplyToActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentException.ThrowIfNullOrEmpty(activityId);
        ArgumentNullException.ThrowIfNull(activity);
        activity = ChannelTextFormatter.Format(activity);
        if (FindChannelSender(activity) is { } sender)
        {
            return await sender.SendAsync(conversationId, activity, cancellationToken);
        }

        var call = new Call("ReplyToActivity", HttpMethod.Post, serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities/{Escape(activityId)}", conversationId, activityId);
        return await SendForResourceAsync(call, activity, cancellationToken);
    }

    public async Task<ResourceResponse> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentException.ThrowIfNullOrEmpty(activityId);
        ArgumentNullException.ThrowIfNull(activity);
        activity = ChannelTextFormatter.Format(activity);
        var call = new Call("UpdateActivity", HttpMethod.Put, serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities/{Escape(activityId)}", conversationId, activityId);
        return await SendForResourceAsync(call, activity, cancellationToken);
    }

    public async Task DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentException.ThrowIfNullOrEmpty(activityId);
        var call = new Call("DeleteActivity", HttpMethod.Delete, serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities/{Escape(activityId)}", conversationId, activityId);
        using var response = await ExecuteAsync(call, null, cancellationToken);
    }

    public async Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var call = new Call("CreateConversation", HttpMethod.Post, serviceUrl, "v3/conversations", null, null);
        using var response = await ExecuteAsync(call, parameters, cancellationToken);
        return await ReadRequiredAsync<ConversationResourceResponse>(call, response, cancellationToken);
    }

    public async Task<IReadOnlyList<ChannelAccount>> GetConversationMembersAsync(string serviceUrl, string conversationId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        var call = new Call("GetConversationMembers", HttpMethod.Get, serviceUrl, $"v3/conversations/{Escape(conversationId)}/members", conversationId, null);
        using var response = await ExecuteAsync(call, null, cancellationToken);
        return await ReadRequiredAsync<List<ChannelAccount>>(call, response, cancellationToken);
    }

    /// <summary>
    /// The serviceUrl with exactly one slash before the relative path, as the SDK builds it:
    /// <c>https://smba.trafficmanager.net/amer</c> and <c>…/amer/</c> both give <c>…/amer/v3/…</c>.
    /// </summary>
    public static Uri BuildUri(string serviceUrl, string relativePath)
    {
        ArgumentNullException.ThrowIfNull(serviceUrl);
        var withSlash = serviceUrl.EndsWith('/') ? serviceUrl : serviceUrl + "/";
        if (!Uri.TryCreate(withSlash, UriKind.Absolute, out var baseUri) || (baseUri.Scheme != Uri.UriSchemeHttps && baseUri.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException($"'{serviceUrl}' is not an absolute http(s) URL.", nameof(serviceUrl));
        }

        return new Uri(baseUri, relativePath);
    }

    private IChannelSender? FindChannelSender(Activity? activity) =>
        activity?.ChannelId is { } channelId && _channelSenders.TryGetValue(channelId, out var sender) ? sender : null;

    // Teams ids carry ':', ';', '@' and '=' (19:abc@thread.v2;messageid=123); unescaped they would
    // change the path's meaning.
    private static string Escape(string id) => Uri.EscapeDataString(id);

    private async Task<ResourceResponse> SendForResourceAsync(Call call, Activity? activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        using var response = await metrics.MeasureSendAsync(activity.ChannelId, () => ExecuteAsync(call, activity, cancellationToken));
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (body.Length == 0)
        {
            // Some channels (offline Direct Line emulations) accept the activity and say nothing.
            return new ResourceResponse(null);
        }

        try
        {
            return JsonSerializer.Deserialize<ResourceResponse>(body, BotJson.Options) ?? new ResourceResponse(null);
        }
        catch (JsonException ex)
        {
            logger.LogDebug(ex, "Connector {Operation} succeeded with a body that is not a ResourceResponse", call.Operation);
            return new ResourceResponse(null);
        }
    }

    private async Task<T> ReadRequiredAsync<T>(Call call, HttpResponseMessage response, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            return JsonSerializer.Deserialize<T>(body, BotJson.Options)
                ?? throw new JsonException("The body is null.");
        }
        catch (JsonException ex)
        {
            throw Fail(call, (int)response.StatusCode, null, $"{call.Operation} succeeded but its answer could not be read: {ex.Message}", CorrelationId(response), ex);
        }
    }

    private async Task<HttpResponseMessage> ExecuteAsync(Call call, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(call.Method, BuildUri(call.ServiceUrl, call.Path));
        if (body is not null)
        {
            // Bytes rather than a streaming JsonContent, so that a retried attempt resends the same body.
            request.Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), BotJson.Options));
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        }

        // No token means authentication is off; the SDK then sends no Authorization header at all.
        if (await credentials.GetAccessTokenAsync(cancellationToken) is { Length: > 0 } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        request.Options.Set(ConversationKey, call.ConversationId ?? "");

        HttpResponseMessage response;
        try
        {
            response = await httpClients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is HttpRequestException or TimeoutRejectedException or OperationCanceledException)
        {
            throw Fail(call, null, null, $"{call.Operation} got no answer from {call.ServiceUrl}: {ex.Message}", null, ex);
        }

        if (IsSuccess(call.Method, (int)response.StatusCode))
        {
            return response;
        }

        using (response)
        {
            var (code, message) = await ReadErrorAsync(response, cancellationToken);
            throw Fail(call, (int)response.StatusCode, code, $"{call.Operation} failed with {(int)response.StatusCode}: {message}", CorrelationId(response), null);
        }
    }

    private ConnectorException Fail(Call call, int? status, string? code, string message, string? correlationId, Exception? inner)
    {
        logger.LogError(
            inner,
            "Connector {Operation} for conversation {ConversationId}, activity {ActivityId} failed ({StatusCode} {ErrorCode}, correlation {CorrelationId}): {Message}",
            call.Operation,
            call.ConversationId,
            call.ActivityId,
            status,
            code,
            correlationId,
            message);
        return new ConnectorException(call.Operation, status, code, message, call.ConversationId, call.ActivityId, inner);
    }

    private static bool IsSuccess(HttpMethod method, int status) =>
        status is 200 or 201 or 202 || (status == 204 && method == HttpMethod.Delete);

    private static string? CorrelationId(HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-Correlating-OperationId", out var values) ? string.Join(",", values) : null;

    /// <summary>
    /// Reads <c>{"error":{"code","message"}}</c>, Teams' <c>{"errorCode":209,"message":"{…subCode…}"}</c>,
    /// or whatever text came back, without ever throwing over a malformed body.
    /// </summary>
    internal static async Task<(string? Code, string Message)> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        string text;
        try
        {
            text = await response.Content.ReadAsStringAsync(cancellationToken);
        }
        catch (HttpRequestException)
        {
            return (null, response.ReasonPhrase ?? "no body");
        }

        return ParseError(text, response.ReasonPhrase);
    }

    internal static (string? Code, string Message) ParseError(string text, string? reasonPhrase)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                if (root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
                {
                    return (StringOf(error, "code"), StringOf(error, "message") ?? Truncate(text));
                }

                if (root.TryGetProperty("errorCode", out _))
                {
                    var message = StringOf(root, "message");
                    // Teams nests a second JSON document in "message" with the useful sub-code.
                    if (message is not null && message.StartsWith('{'))
                    {
                        var (innerCode, innerMessage) = ParseError(message, reasonPhrase);
                        using var inner = JsonDocument.Parse(message);
                        var subCode = StringOf(inner.RootElement, "subCode");
                        return (subCode ?? innerCode ?? StringOf(root, "errorCode"), innerMessage);
                    }

                    return (StringOf(root, "errorCode"), message ?? Truncate(text));
                }

                if (StringOf(root, "message") is { } plain)
                {
                    return (StringOf(root, "code"), plain);
                }
            }
        }
        catch (JsonException)
        {
        }

        return (null, text.Length == 0 ? reasonPhrase ?? "no body" : Truncate(text));
    }

    private static string Truncate(string text) => text.Length <= MaxErrorBodyChars ? text : text[..MaxErrorBodyChars] + "…";

    private sealed record Call(string Operation, HttpMethod Method, string ServiceUrl, string Path, string? ConversationId, string? ActivityId);
}

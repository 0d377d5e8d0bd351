using ChatReport.Bot.Connector;

namespace ChatReport.Bot.Channels.Platform;

/// <summary>
/// Turns the <c>errcode</c> WeCom and WeChat answer with (always HTTP 200) into the HTTP-like
/// status <see cref="IChannelSender"/> reports: 429 or 5xx when a later attempt may succeed, so the
/// outbox keeps the message; another 4xx when it never will.
/// </summary>
public static class PlatformErrors
{
    /// <summary>The token was refused: fetch a new one and try once more.</summary>
    public static bool IsTokenError(long errcode) => errcode is 40014 or 42001 or 40001 or 41001;

    public static int StatusOf(long errcode) => errcode switch
    {
        // System busy.
        -1 => 503,
        // Frequency limits: WeCom's API and robot limits, WeChat's quota.
        45009 or 45033 or 45011 or 45047 => 429,
        // A token still refused after a fresh one: the secret or the corp is wrong.
        40014 or 42001 or 40001 or 41001 or 40013 => 401,
        // WeChat's 48-hour customer-service window has closed, or the user unfollowed.
        45015 or 43004 => 403,
        // Not allowed: no permission, caller IP not trusted, callback URL missing for cards.
        48001 or 48002 or 60020 or 43012 => 403,
        // Nobody to deliver to.
        81013 or 40003 => 404,
        _ => 400,
    };

    public static ConnectorException Failure(string operation, long errcode, string? errmsg, string? conversationId) =>
        new(operation, StatusOf(errcode), errcode.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{operation} failed with errcode {errcode}: {errmsg}", conversationId, null);
}

using System.Globalization;

namespace ChatReport.Bot.DirectLine;

/// <summary>
/// The URLs this host hands out, built from the request so they work on whatever name the
/// client used (localhost, a LAN address, a reverse proxy that keeps the Host header).
/// </summary>
public static class DirectLineUrls
{
    /// <summary>
    /// The <c>serviceUrl</c> stamped on user activities: the bot's Connector client posts replies to
    /// <c>{serviceUrl}v3/conversations/…</c>, which this host serves under <c>/directline/</c>.
    /// </summary>
    public static string ServiceUrl(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return $"{request.Scheme}://{request.Host}{request.PathBase}/directline/";
    }

    public static string StreamUrl(HttpRequest request, string conversationId, string ticket, long? watermark)
    {
        ArgumentNullException.ThrowIfNull(request);
        var scheme = string.Equals(request.Scheme, "https", StringComparison.OrdinalIgnoreCase) ? "wss" : "ws";
        var url = $"{scheme}://{request.Host}{request.PathBase}/v3/directline/conversations/{Uri.EscapeDataString(conversationId)}/stream?t={Uri.EscapeDataString(ticket)}";
        return watermark is { } value ? url + "&watermark=" + value.ToString(CultureInfo.InvariantCulture) : url;
    }

    /// <summary>Where an uploaded file is served (the Connector's attachment view).</summary>
    public static string AttachmentUrl(string serviceUrl, string attachmentId) =>
        $"{serviceUrl}v3/attachments/{Uri.EscapeDataString(attachmentId)}/views/original";

    /// <summary>
    /// Reads a watermark: absent or empty means "from the start" (DirectLineJS sends
    /// <c>?watermark=</c> before it has one). Anything but a non-negative number is refused.
    /// </summary>
    public static bool TryParseWatermark(string? text, out long watermark)
    {
        watermark = 0;
        return string.IsNullOrEmpty(text)
            || (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out watermark) && watermark >= 0);
    }
}

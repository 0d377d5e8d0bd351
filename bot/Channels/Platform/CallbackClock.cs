using System.Globalization;

namespace ChatReport.Bot.Channels.Platform;

/// <summary>
/// The callbacks' <c>timestamp</c> is signed, so a captured callback can be replayed word for word;
/// refusing old ones bounds that to the skew allowed (the platforms retry within seconds).
/// </summary>
public static class CallbackClock
{
    public static bool IsFresh(string? timestamp, DateTimeOffset now, TimeSpan maxSkew) =>
        long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
        && seconds <= DateTimeOffset.MaxValue.ToUnixTimeSeconds()
        && (now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() <= maxSkew;
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ChatReport.Bot.Channels.DingTalk;

/// <summary>
/// DingTalk's signature, the same for callbacks to the app robot (key = AppSecret) and for custom
/// robot webhooks (key = the SEC… secret): Base64 of HMAC-SHA256 over <c>timestamp + "\n" + secret</c>,
/// the timestamp in Unix milliseconds, valid for one hour either way.
/// </summary>
public static class DingTalkSignature
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(1);

    public static string Compute(string timestamp, string secret)
    {
        ArgumentNullException.ThrowIfNull(timestamp);
        ArgumentNullException.ThrowIfNull(secret);
        var key = Encoding.UTF8.GetBytes(secret);
        return Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(timestamp + "\n" + secret)));
    }

    public static string Timestamp(DateTimeOffset now) => now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

    /// <summary>Why a callback's <c>timestamp</c> and <c>sign</c> headers are refused, or null when they hold.</summary>
    public static string? Check(string? timestamp, string? sign, string secret, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(sign))
        {
            return "the timestamp or sign header is missing";
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds)
            || milliseconds > DateTimeOffset.MaxValue.ToUnixTimeMilliseconds())
        {
            return "the timestamp is not a number of milliseconds";
        }

        if ((now - DateTimeOffset.FromUnixTimeMilliseconds(milliseconds)).Duration() > Window)
        {
            return "the timestamp is more than an hour off";
        }

        var expected = Encoding.ASCII.GetBytes(Compute(timestamp, secret));
        var given = Encoding.UTF8.GetBytes(sign);
        return CryptographicOperations.FixedTimeEquals(expected, given) ? null : "the sign does not match";
    }
}

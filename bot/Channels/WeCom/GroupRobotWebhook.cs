using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace ChatReport.Bot.Channels.WeCom;

/// <summary>
/// A group robot's webhook as a reviewer pastes it (<c>…/cgi-bin/webhook/send?key=…</c>, or the
/// key alone). Only the key is kept: messages go to <c>WeCom:ApiBaseUrl</c>, never to a host a
/// chat message named.
/// </summary>
public static partial class GroupRobotWebhook
{
    /// <summary>The key in <paramref name="text"/>, or null when it is not a robot webhook.</summary>
    public static string? FindKey(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme is "https" or "http")
        {
            if (!url.AbsolutePath.EndsWith("/webhook/send", StringComparison.Ordinal))
            {
                return null;
            }

            var key = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(url.Query).TryGetValue("key", out var values) ? values.ToString() : null;
            return key is not null && Key().IsMatch(key) ? key : null;
        }

        return Key().IsMatch(text) ? text : null;
    }

    /// <summary>The robot's conversation id: stable, and telling nothing about the key.</summary>
    public static string ConversationId(string key) =>
        WeComChannel.RobotPrefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..16];

    /// <summary>What may be shown of a key: its last four characters.</summary>
    public static string Hint(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return "…" + key[^Math.Min(4, key.Length)..];
    }

    // WeCom's keys are UUIDs; anything of that alphabet and length is taken, nothing else.
    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9-]{15,127}$", RegexOptions.CultureInvariant)]
    private static partial Regex Key();
}

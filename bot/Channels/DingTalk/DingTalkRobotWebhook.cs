using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace ChatReport.Bot.Channels.DingTalk;

/// <summary>
/// A custom robot's webhook as a secretary pastes it: <c>{oapi}/robot/send?access_token=…</c> and
/// nothing else, so a chat command can never make the bot post to another host. The conversation
/// it becomes is named after a hash of the token, which reveals nothing of it.
/// </summary>
public static partial class DingTalkRobotWebhook
{
    public const string ConversationPrefix = "robot:";

    public static bool IsRobotConversation(string conversationId) =>
        conversationId.StartsWith(ConversationPrefix, StringComparison.Ordinal);

    /// <summary>The webhook, rebuilt from its token on the configured host, or null when it is not one.</summary>
    public static string? Normalize(string text, Uri oapiBaseUrl)
    {
        ArgumentNullException.ThrowIfNull(oapiBaseUrl);
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri)
            || !string.Equals(uri.GetLeftPart(UriPartial.Authority), oapiBaseUrl.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase)
            || !string.Equals(uri.AbsolutePath, "/robot/send", StringComparison.Ordinal)
            || TokenPattern().Match(uri.Query) is not { Success: true } match)
        {
            return null;
        }

        return $"{oapiBaseUrl.GetLeftPart(UriPartial.Authority)}/robot/send?access_token={match.Groups["token"].Value}";
    }

    public static string ConversationId(string normalizedWebhook)
    {
        ArgumentNullException.ThrowIfNull(normalizedWebhook);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(normalizedWebhook));
        return ConversationPrefix + Convert.ToHexStringLower(hash.AsSpan(0, 8));
    }

    /// <summary>Whether <paramref name="text"/> looks like a signing secret (<c>SEC</c> and letters or digits).</summary>
    public static bool IsSecret(string text) => SecretPattern().IsMatch(text ?? "");

    [GeneratedRegex(@"^\?access_token=(?<token>[A-Za-z0-9]{16,128})$")]
    private static partial Regex TokenPattern();

    [GeneratedRegex(@"^SEC[A-Za-z0-9]{16,128}$")]
    private static partial Regex SecretPattern();
}

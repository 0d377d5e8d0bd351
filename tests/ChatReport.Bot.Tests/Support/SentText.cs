using System.Text.Json;
using System.Text.RegularExpressions;

namespace ChatReport.Bot.Tests.Support;

/// <summary>
/// The text of a sent activity as its reader sees it: Markdown the bot escaped for the channel
/// (<c>textFormat: markdown</c>) read back to its characters and lines, as a renderer would show them.
/// </summary>
public static partial class SentText
{
    public static string? ReadTextOrNull(this JsonElement activity) =>
        activity.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String
            ? AsRead(text.GetString()!, activity.TryGetProperty("textFormat", out var format) ? format.GetString() : null)
            : null;

    public static string ReadText(this JsonElement activity) => activity.ReadTextOrNull() ?? string.Empty;

    public static string AsRead(string text, string? textFormat)
    {
        if (!string.Equals(textFormat, "markdown", StringComparison.Ordinal))
        {
            return text;
        }

        var lines = text.Replace("  \n", "\n", StringComparison.Ordinal).Split('\n')
            .Select(line => new string(' ', line.Length - line.TrimStart('\u00A0').Length) + Escaped().Replace(line.TrimStart('\u00A0'), "$1"));
        return string.Join('\n', lines);
    }

    [GeneratedRegex(@"\\([!-/:-@\[-`{-~])")]
    private static partial Regex Escaped();
}

using System.Text.Json;

namespace ChatReport.Bot.Tests.DingTalk;

/// <summary>A message the DingTalk stub received, whichever route it took.</summary>
/// <param name="Route"><c>session</c>, <c>user</c>, <c>group</c> or <c>robot</c>.</param>
/// <param name="Target">The session id, staffId, openConversationId or robot access token.</param>
/// <param name="Kind"><c>text</c>, <c>markdown</c> or <c>actionCard</c>.</param>
/// <param name="Text">What it says.</param>
/// <param name="Buttons">An ActionCard's buttons (title, URL).</param>
/// <param name="Raw">The request body as sent.</param>
public sealed record StubMessage(string Route, string Target, string Kind, string Text, IReadOnlyList<(string Title, string Url)> Buttons, JsonElement Raw)
{
    /// <summary>The command a tap on <paramref name="title"/> would send (the dtmd sendMessage URL's content).</summary>
    public string Tap(string title)
    {
        var url = Buttons.Single(b => string.Equals(b.Title, title, StringComparison.Ordinal)).Url;
        const string Prefix = "dtmd://dingtalkclient/sendMessage?content=";
        Assert.StartsWith(Prefix, url, StringComparison.Ordinal);
        return Uri.UnescapeDataString(url[Prefix.Length..]);
    }
}

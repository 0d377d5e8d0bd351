using System.Text.Json;

namespace ChatReport.Bot.Tests.Support;

/// <summary>One call the bot made to the fake Connector.</summary>
public sealed record RecordedRequest(HttpMethod Method, Uri Uri, string? Authorization, string? Body)
{
    /// <summary>The path as sent on the wire, percent-escapes intact.</summary>
    public string Path => Uri.AbsolutePath;

    public JsonElement Json => JsonDocument.Parse(Body ?? "null").RootElement;
}

using System.Text.Json;

namespace ChatReport.Dialogs.Schema;

/// <summary>A button: <c>imBack</c> posts its value as the user's message.</summary>
public sealed record CardAction
{
    public const string ImBack = "imBack";
    public const string PostBack = "postBack";
    public const string MessageBack = "messageBack";
    public const string OpenUrl = "openUrl";

    public string? Type { get; init; }

    public string? Title { get; init; }

    public string? Text { get; init; }

    public string? DisplayText { get; init; }

    public JsonElement? Value { get; init; }

    public string? Image { get; init; }

    /// <summary>A button that sends <paramref name="text"/> back as if the user had typed it.</summary>
    public static CardAction SayBack(string title, string text) =>
        new() { Type = ImBack, Title = title, Value = JsonSerializer.SerializeToElement(text) };
}

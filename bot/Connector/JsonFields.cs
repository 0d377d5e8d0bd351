using System.Text.Json;

namespace ChatReport.Bot.Connector;

/// <summary>Reads the loosely typed JSON that channels answer with (error codes come as strings or as numbers).</summary>
public static class JsonFields
{
    /// <summary>Property <paramref name="name"/> of <paramref name="element"/> as text when it is a string or a number; null otherwise.</summary>
    /// <param name="element">An object, or anything else (then null).</param>
    /// <param name="name">The property.</param>
    /// <returns>The text, or null.</returns>
    public static string? StringOf(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;
}

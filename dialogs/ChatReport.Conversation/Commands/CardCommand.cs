using System.Text.Json;
using ChatReport.Dialogs.Schema;

namespace ChatReport.Conversation.Commands;

/// <summary>
/// Buttons on cards carry the same text a user could type (通过 12), so a card click and a typed
/// command take one path. On Teams the click arrives as a messageBack with that text; elsewhere
/// Action.Submit sends <c>value.command</c> with no text, which the host turns into text.
/// </summary>
public static class CardCommand
{
    /// <summary>The member of an Action.Submit's data that holds the command text.</summary>
    public const string ValueProperty = "command";

    /// <summary>The <c>data</c> of an Adaptive Card <c>Action.Submit</c> that sends <paramref name="command"/>.</summary>
    public static JsonElement SubmitData(string command, string displayText) => JsonSerializer.SerializeToElement(new Dictionary<string, object>
    {
        [ValueProperty] = command,
        ["msteams"] = new Dictionary<string, string> { ["type"] = "messageBack", ["text"] = command, ["displayText"] = displayText },
    });

    /// <summary>The command a card submit carries, or null when the activity is not one.</summary>
    public static string? FromSubmit(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (!string.IsNullOrWhiteSpace(activity.Text) || activity.Value is not { ValueKind: JsonValueKind.Object } value)
        {
            return null;
        }

        return value.TryGetProperty(ValueProperty, out var command) && command.ValueKind == JsonValueKind.String
            ? command.GetString()
            : null;
    }
}

using System.Text.Json;
using ChatReport.Dialogs.Engine;
using ChatReport.Dialogs.Localization;
using ChatReport.Dialogs.State;

namespace ChatReport.Dialogs.Runtime;

/// <summary>Everything the runner stores for one key: the root stack and the language last used.</summary>
internal sealed class ConversationDialogState
{
    private const int CurrentFormat = 1;

    public DialogState Dialogs { get; private init; } = new();

    public ReplyLanguage? Language { get; set; }

    public string ToJson() =>
        JsonSerializer.Serialize(new StoredConversation(CurrentFormat, Language, ToStored(Dialogs)), DialogJson.Options);

    public static ConversationDialogState FromJson(string json)
    {
        StoredConversation? stored;
        try
        {
            stored = JsonSerializer.Deserialize<StoredConversation>(json, DialogJson.Options);
        }
        catch (JsonException exception)
        {
            throw new DialogStateFormatException("Stored dialog state is not valid JSON of the expected shape.", exception);
        }

        if (stored is null || stored.Format != CurrentFormat)
        {
            throw new DialogStateFormatException($"Stored dialog state has format {stored?.Format}, not {CurrentFormat}.");
        }

        var conversation = new ConversationDialogState { Language = stored.Language };
        Fill(conversation.Dialogs, stored.Stack);
        return conversation;
    }

    private static List<StoredInstance> ToStored(DialogState state) =>
        [.. state.Stack.Select(instance => new StoredInstance(instance.Id, instance.State, instance.Inner is { } inner ? ToStored(inner) : null))];

    private static void Fill(DialogState state, IReadOnlyList<StoredInstance>? stack)
    {
        foreach (var stored in stack ?? [])
        {
            if (string.IsNullOrWhiteSpace(stored.Id))
            {
                throw new DialogStateFormatException("Stored dialog state has an instance without an id.");
            }

            var instance = new DialogInstance(stored.Id);
            instance.SetRawState(stored.State);
            if (stored.Inner is not null)
            {
                instance.Inner = new DialogState();
                Fill(instance.Inner, stored.Inner);
            }

            state.AddToBottom(instance);
        }
    }

    private sealed record StoredConversation(int Format, ReplyLanguage? Language, IReadOnlyList<StoredInstance> Stack);

    private sealed record StoredInstance(string Id, JsonElement? State, IReadOnlyList<StoredInstance>? Inner);
}

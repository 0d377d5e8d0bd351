using System.Text.Json;
using ChatReport.Dialogs.State;

namespace ChatReport.Dialogs.Engine;

/// <summary>
/// One dialog on a stack: which dialog it is and the state it keeps between turns. Dialogs are
/// stateless singletons, so everything a dialog remembers about this conversation lives here,
/// as JSON written from a typed record (<see cref="SetState{T}"/>) and read back as one
/// (<see cref="GetState{T}"/>). Every turn this goes through the state store, so what survives
/// is exactly what the record serializes.
/// </summary>
public sealed class DialogInstance
{
    /// <summary>An instance of the dialog with id <paramref name="id"/>, with no state yet.</summary>
    public DialogInstance(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        Id = id;
    }

    /// <summary>The dialog's id in its dialog set.</summary>
    public string Id { get; }

    /// <summary>The dialog's own state as JSON, or null before it saved any.</summary>
    public JsonElement? State { get; private set; }

    /// <summary>The stack of a container dialog's children (component dialogs), or null.</summary>
    internal DialogState? Inner { get; set; }

    /// <summary>Stores <paramref name="value"/> as this dialog's state.</summary>
    public void SetState<T>(T value) => State = JsonSerializer.SerializeToElement(value, DialogJson.Options);

    /// <summary>
    /// This dialog's state as <typeparamref name="T"/>. Throws <see cref="DialogStateFormatException"/>
    /// when there is none or it does not fit <typeparamref name="T"/>.
    /// </summary>
    public T GetState<T>()
    {
        if (State is not { } json)
        {
            throw new DialogStateFormatException($"Dialog '{Id}' has no stored state.");
        }

        try
        {
            return json.Deserialize<T>(DialogJson.Options)
                ?? throw new DialogStateFormatException($"Dialog '{Id}' has null state where a {typeof(T).Name} was expected.");
        }
        catch (JsonException exception)
        {
            throw new DialogStateFormatException($"The state of dialog '{Id}' is not a {typeof(T).Name}.", exception);
        }
    }

    internal void SetRawState(JsonElement? state) => State = state;
}

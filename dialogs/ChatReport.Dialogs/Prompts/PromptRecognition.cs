namespace ChatReport.Dialogs.Prompts;

/// <summary>
/// Whether a prompt understood the answer, and as what. <c>default</c> means not understood;
/// <c>new PromptRecognition&lt;T&gt;(value)</c> means understood.
/// </summary>
/// <typeparam name="T">The prompt's value type.</typeparam>
public readonly record struct PromptRecognition<T>
{
    /// <summary>The answer was understood as <paramref name="value"/>.</summary>
    public PromptRecognition(T value)
    {
        Value = value;
        Succeeded = true;
    }

    /// <summary>True when the answer was understood.</summary>
    public bool Succeeded { get; }

    /// <summary>The understood value (default when not understood).</summary>
    public T Value { get; }
}

using System.Numerics;
using ChatReport.Dialogs.Engine;
using ChatReport.Dialogs.Localization;
using ChatReport.Dialogs.Recognition;

namespace ChatReport.Dialogs.Prompts;

/// <summary>
/// Asks for a number; ends with the first number in the answer that is exactly a
/// <typeparamref name="T"/> (二十分 → 20, 20分 → 20, 加1分 → 1, "twenty points" → 20; 2.5 is not
/// an <c>int</c>). Recognized in the user's cultures, Chinese and English either way round.
/// </summary>
/// <typeparam name="T">The number type, such as <c>int</c> or <c>decimal</c>.</typeparam>
public sealed class NumberPrompt<T> : Prompt<T>
    where T : INumber<T>
{
    /// <summary>Creates the prompt.</summary>
    public NumberPrompt(string id, PromptValidator<T>? validator = null)
        : base(id, validator)
    {
    }

    /// <inheritdoc />
    protected override Task<PromptRecognition<T>> OnRecognizeAsync(DialogContext dc, PromptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        foreach (var number in NumberRecognition.Recognize(dc.Context.Activity.Text, dc.UserLocale.RecognitionCultures))
        {
            if (TryConvert(number.Value, out var value))
            {
                return Task.FromResult(new PromptRecognition<T>(value));
            }
        }

        return Task.FromResult(default(PromptRecognition<T>));
    }

    /// <inheritdoc />
    protected override string DefaultRetryPrompt(DialogContext dc, PromptOptions options)
    {
        ArgumentNullException.ThrowIfNull(dc);
        return dc.Texts<EngineTexts>().NumberRetry;
    }

    private static bool TryConvert(decimal number, out T value)
    {
        try
        {
            value = T.CreateChecked(number);
            return decimal.CreateChecked(value) == number;
        }
        catch (OverflowException)
        {
            value = T.Zero;
            return false;
        }
    }
}

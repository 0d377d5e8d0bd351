using ChatReport.Dialogs.Engine;
using ChatReport.Dialogs.Localization;
using ChatReport.Dialogs.Recognition;
using ChatReport.Dialogs.Schema;

namespace ChatReport.Dialogs.Prompts;

/// <summary>
/// Asks for a date or time (十月八日, 10月8日, 昨天下午, 上周六, 上季度, yesterday afternoon, last
/// Saturday); ends with the first date-like <see cref="DateTimeResolution"/> in the answer that
/// is not a bare duration, resolved against the user's local time now (the activity's time zone,
/// else the configured default) by <see cref="Preference"/>. Validators check ranges (not in the
/// future, inside the open cycle).
/// </summary>
public sealed class DateTimePrompt : Prompt<DateTimeResolution>
{
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates the prompt; <paramref name="timeProvider"/> says what "now" is.</summary>
    public DateTimePrompt(string id, TimeProvider timeProvider, PromptValidator<DateTimeResolution>? validator = null)
        : base(id, validator)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _timeProvider = timeProvider;
    }

    /// <summary>How dates without a year or week resolve; <see cref="DateTimePreference.Past"/> unless set.</summary>
    public DateTimePreference Preference { get; init; } = DateTimePreference.Past;

    /// <inheritdoc />
    protected override Task<PromptRecognition<DateTimeResolution>> OnRecognizeAsync(DialogContext dc, PromptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var found = DateTimeRecognition
            .Recognize(dc.Context.Activity.Text, dc.UserLocale, _timeProvider.GetUtcNow(), Preference)
            .FirstOrDefault(resolution => resolution.Kind != DateTimeResolutionKind.Duration);
        return Task.FromResult(found is null ? default : new PromptRecognition<DateTimeResolution>(found));
    }

    /// <inheritdoc />
    /// <remarks>Choices, when given, are likely answers shown as buttons; any date may still be typed.</remarks>
    protected override Activity DecoratePrompt(DialogContext dc, PromptOptions options, Activity reply, bool isRetry)
    {
        ArgumentNullException.ThrowIfNull(dc);
        ArgumentNullException.ThrowIfNull(options);
        return options.Choices is { Count: > 0 } choices
            ? ChoiceRendering.Render(reply, choices, ListStyle.SuggestedActions, dc.Texts<EngineTexts>())
            : reply;
    }

    /// <inheritdoc />
    protected override string DefaultRetryPrompt(DialogContext dc, PromptOptions options)
    {
        ArgumentNullException.ThrowIfNull(dc);
        return dc.Texts<EngineTexts>().DateTimeRetry;
    }
}

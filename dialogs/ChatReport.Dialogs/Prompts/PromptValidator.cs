namespace ChatReport.Dialogs.Prompts;

/// <summary>
/// Checks a recognized answer; name implementations <c>XxxPromptValidatorAsync</c>. Return
/// <see cref="PromptValidation.Accept"/> or <see cref="PromptValidation.Reject"/> with a reason.
/// </summary>
/// <typeparam name="T">The prompt's value type.</typeparam>
public delegate Task<PromptValidation> PromptValidator<T>(PromptValidatorContext<T> prompt, CancellationToken cancellationToken);

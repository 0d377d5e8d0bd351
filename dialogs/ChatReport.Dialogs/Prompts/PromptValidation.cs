namespace ChatReport.Dialogs.Prompts;

/// <summary>A validator's verdict on a recognized answer.</summary>
public sealed record PromptValidation
{
    private PromptValidation(bool isValid, string? reason)
    {
        IsValid = isValid;
        Reason = reason;
    }

    /// <summary>The answer is accepted; the prompt ends with it.</summary>
    public static PromptValidation Accept { get; } = new(true, null);

    /// <summary>True when the answer is accepted.</summary>
    public bool IsValid { get; }

    /// <summary>Why the answer was rejected, said instead of the retry prompt; null to use the retry prompt.</summary>
    public string? Reason { get; }

    /// <summary>Rejects the answer, telling the user <paramref name="reason"/> (from a text table) or, when null, the retry prompt.</summary>
    public static PromptValidation Reject(string? reason) => new(false, reason);
}

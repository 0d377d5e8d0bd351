namespace ChatReport.Dialogs.Prompts;

/// <summary>What a waiting prompt keeps on the stack.</summary>
internal sealed record PromptState(PromptOptions Options, int Attempts);

namespace ChatReport.Dialogs.Recognition;

/// <summary>The choice a message picked.</summary>
/// <param name="Value">The picked <see cref="Choice.Value"/>.</param>
/// <param name="Index">Its 0-based position in the list.</param>
/// <param name="MatchKind">How it was picked.</param>
public sealed record FoundChoice(string Value, int Index, ChoiceMatchKind MatchKind);

namespace ChatReport.Dialogs.Recognition;

/// <summary>A number found in a message.</summary>
/// <param name="Value">The number (二十 → 20, "1,000" → 1000, 2.5 → 2.5).</param>
/// <param name="Index">Where it starts in the message.</param>
/// <param name="Length">How many characters of the message it covers.</param>
public sealed record RecognizedNumber(decimal Value, int Index, int Length);

namespace ChatReport.Conversation.Understanding;

/// <summary>One word of a segmented sentence.</summary>
/// <param name="Text">The word.</param>
/// <param name="Start">Where it starts in the sentence.</param>
/// <param name="End">Where it ends (exclusive).</param>
public sealed record WordToken(string Text, int Start, int End);

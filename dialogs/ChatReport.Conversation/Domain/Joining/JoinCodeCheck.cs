namespace ChatReport.Conversation.Domain;

/// <summary>The outcome of <see cref="IJoinCodes.CheckAsync"/>.</summary>
/// <param name="Status">Whether the code may be used.</param>
/// <param name="Code">The code when usable; null otherwise, whatever the reason.</param>
public sealed record JoinCodeCheck(JoinCodeCheckStatus Status, JoinCode? Code);

namespace ChatReport.Dialogs.Schema;

/// <summary>What the Connector answers when it stores an activity.</summary>
public sealed record ResourceResponse(string? Id);

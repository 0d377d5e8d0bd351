namespace ChatReport.Dialogs.Schema;

/// <summary>Quick replies shown under a message (not supported by Teams, which needs cards).</summary>
public sealed record SuggestedActions
{
    public IReadOnlyList<string>? To { get; init; }

    public IReadOnlyList<CardAction>? Actions { get; init; }
}

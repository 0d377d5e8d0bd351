namespace ChatReport.Bot.Storage.Domain;

/// <summary>What one finalisation round did: quarters that became final, and quarters whose reviewers are to be reminded of open objections.</summary>
public sealed record ObjectionRound(IReadOnlyList<QuarterOfUnit> Finalised, IReadOnlyList<(QuarterOfUnit Quarter, int Open)> Remind);

namespace ChatReport.Conversation.Administration;

/// <summary>Options (and step state) of <see cref="FindUnitDialog"/>.</summary>
/// <param name="Name">The unit's name as said, or null to ask.</param>
/// <param name="ActorId">Who asks; the search stays within the units they manage.</param>
/// <param name="WithSecretaryUnits">Whether a secretary's own branches count as managed.</param>
/// <param name="Ask">The question when the name is missing; the generic one when null.</param>
public sealed record UnitLookup(string? Name, long ActorId, bool WithSecretaryUnits = false, string? Ask = null) : INameLookup;

namespace ChatReport.Conversation.Administration;

/// <summary>Options (and step state) of <see cref="FindMemberDialog"/>.</summary>
/// <param name="Name">The member's name as said, or null to ask.</param>
/// <param name="ActorId">Who asks; the search stays within the units they manage.</param>
/// <param name="WithSecretaryUnits">Whether a secretary's own branches count as managed.</param>
/// <param name="PreferUnitId">When members of this unit have the name, only they are offered.</param>
public sealed record MemberLookup(string? Name, long ActorId, bool WithSecretaryUnits = false, long? PreferUnitId = null) : INameLookup;

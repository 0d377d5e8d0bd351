using ChatReport.Conversation.Domain;

namespace ChatReport.Conversation.Administration;

/// <summary>What 新建支部 said (the begin options of <see cref="CreateUnitDialog"/>) and its step state.</summary>
/// <param name="Kind">Branch, general branch or group.</param>
/// <param name="Name">The new unit's name, if given.</param>
/// <param name="Parent">The parent unit's name, if given; else the administrator's own unit.</param>
/// <param name="TimeZone">The IANA time zone, if given; else China's.</param>
/// <param name="ActorId">The administrator, once checked.</param>
public sealed record CreateUnitDraft(OrgUnitKind Kind, string? Name = null, string? Parent = null, string? TimeZone = null, long ActorId = 0);

namespace ChatReport.Conversation.Domain;

/// <summary>One unit of the organisation tree (committee → general branch → branch → group).</summary>
/// <param name="Id">The unit's number.</param>
/// <param name="ParentId">The unit above it; null at the top of a tree.</param>
/// <param name="Kind">Which level of the organisation it is.</param>
/// <param name="Name">Its name as members know it (山岔村党支部).</param>
/// <param name="TimeZone">The IANA time zone its local days are counted in (Asia/Shanghai).</param>
/// <param name="IsActive">False once an administrator has closed it; its history stays.</param>
/// <param name="CreatedAt">When it was created.</param>
public sealed record OrgUnit(
    long Id,
    long? ParentId,
    OrgUnitKind Kind,
    string Name,
    string TimeZone,
    bool IsActive,
    DateTimeOffset CreatedAt);

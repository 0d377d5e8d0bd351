namespace ChatReport.Conversation.Domain;

/// <summary>What an administrator gives to create a unit.</summary>
/// <param name="ParentId">The unit above it, or null for the top of a new tree.</param>
/// <param name="Kind">Which level of the organisation it is.</param>
/// <param name="Name">Its name.</param>
/// <param name="TimeZone">The IANA time zone of its local days; China's by default.</param>
public sealed record NewOrgUnit(long? ParentId, OrgUnitKind Kind, string Name, string TimeZone = LocalCalendar.DefaultTimeZone);

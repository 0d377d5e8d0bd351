using ChatReport.Conversation.Domain;

namespace ChatReport.Bot.Storage.Domain;

/// <summary>org_units as stored.</summary>
internal sealed record OrgUnitRow(long Id, long? ParentId, OrgUnitKind Kind, string Name, string TimeZone, bool IsActive, DateTimeOffset CreatedAt)
{
    public const string Columns = "id, parent_id, kind, name, time_zone, is_active, created_at";

    public OrgUnit ToOrgUnit() => new(Id, ParentId, Kind, Name, TimeZone, IsActive, CreatedAt);
}

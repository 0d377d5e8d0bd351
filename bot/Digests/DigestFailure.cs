using ChatReport.Bot.Storage.Channels;

namespace ChatReport.Bot.Digests;

/// <summary>A digest that gave up, as reported to administrators.</summary>
public sealed record DigestFailure(GroupAddress Group, long UnitId, string UnitName, DateOnly LocalDate, string Error);

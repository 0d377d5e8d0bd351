using ChatReport.Conversation.Notices;

namespace ChatReport.Bot.Storage.Domain;

/// <summary>One branch's quarter.</summary>
public sealed record QuarterOfUnit(long UnitId, QuarterId Quarter);

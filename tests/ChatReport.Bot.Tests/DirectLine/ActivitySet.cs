using ChatReport.Dialogs.Schema;

namespace ChatReport.Bot.Tests.DirectLine;

/// <summary>The client view of GET …/activities.</summary>
public sealed record ActivitySet(IReadOnlyList<Activity> Activities, string? Watermark);

using ChatReport.Dialogs.Schema;

namespace ChatReport.Conversation.Points;

/// <summary>A member's points by month of the cycle so far, and the chart of them where the channel shows images.</summary>
/// <param name="Months">The months, first to this one.</param>
/// <param name="Chart">The PNG as an attachment, or null.</param>
public sealed record MonthlyPoints(IReadOnlyList<MonthPoints> Months, Attachment? Chart);

namespace ChatReport.Conversation.Deductions;

/// <summary>What 扣分 张三 5 原因 said; the dialog asks for the rest.</summary>
/// <param name="Name">The member's name, if given.</param>
/// <param name="Points">The points, if given.</param>
/// <param name="Reason">The reason, if given.</param>
public sealed record DeductionRequestText(string? Name = null, int? Points = null, string? Reason = null);

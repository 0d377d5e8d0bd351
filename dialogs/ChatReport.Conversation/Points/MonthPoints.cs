namespace ChatReport.Conversation.Points;

/// <summary>One month of a cycle: the member's points earned (bonuses less deductions, base excluded) and the branch's median.</summary>
/// <param name="Year">The calendar year.</param>
/// <param name="Month">The calendar month.</param>
/// <param name="Mine">The member's points.</param>
/// <param name="BranchMedian">The median over the branch's active members.</param>
public sealed record MonthPoints(int Year, int Month, int Mine, double BranchMedian);

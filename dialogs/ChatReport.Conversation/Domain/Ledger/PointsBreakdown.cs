namespace ChatReport.Conversation.Domain;

/// <summary>
/// A member's points over a cycle or a quarter: base + bonus − deduction. Reversals and
/// adjustments count in the part of the entry they refer to; adjustments that refer to no
/// entry count as bonus.
/// </summary>
/// <param name="Base">Base points (基础积分).</param>
/// <param name="Bonus">Contribution bonuses (贡献加分).</param>
/// <param name="Deduction">Violation deductions (违规扣分), as a positive number.</param>
public sealed record PointsBreakdown(int Base, int Bonus, int Deduction)
{
    /// <summary>No points at all.</summary>
    public static PointsBreakdown Zero { get; } = new(0, 0, 0);

    /// <summary>Base + bonus − deduction.</summary>
    public int Total => Base + Bonus - Deduction;
}

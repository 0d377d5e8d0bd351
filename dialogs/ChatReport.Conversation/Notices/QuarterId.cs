using System.Globalization;

namespace ChatReport.Conversation.Notices;

/// <summary>A quarter of a yearly cycle, as people write it: 2026Q4.</summary>
/// <param name="Year">The calendar year the cycle starts in.</param>
/// <param name="Quarter">1, 2, 3 or 4.</param>
public sealed record QuarterId(int Year, int Quarter)
{
    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year}Q{Quarter}");
}

namespace ChatReport.Bot.Charts;

/// <summary>
/// A bar chart to draw: one bar per category, and optionally a comparison value per category
/// drawn as a line (the branch's median against a member's own points).
/// </summary>
public sealed record BarChart(
    string Title,
    IReadOnlyList<string> Categories,
    IReadOnlyList<int> Values,
    string ValuesLabel,
    IReadOnlyList<double>? Comparison = null,
    string? ComparisonLabel = null,
    string? EmptyText = null);

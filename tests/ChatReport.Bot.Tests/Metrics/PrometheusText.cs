using System.Globalization;

namespace ChatReport.Bot.Tests.Metrics;

/// <summary>Reads samples out of a Prometheus text exposition.</summary>
public sealed class PrometheusText(string text)
{
    public string Text { get; } = text;

    /// <summary>The value of the one sample named <paramref name="name"/> carrying every label given, or null when there is none.</summary>
    public double? Value(string name, params (string Key, string Value)[] labels)
    {
        var matches = Text.Split('\n')
            .Where(line => line.StartsWith(name + "{", StringComparison.Ordinal) || line.StartsWith(name + " ", StringComparison.Ordinal))
            .Where(line => labels.All(l => line.Contains($"{l.Key}=\"{l.Value}\"", StringComparison.Ordinal)))
            .ToList();
        if (matches.Count == 0)
        {
            return null;
        }

        var line = Assert.Single(matches);
        var afterLabels = line.Contains('}', StringComparison.Ordinal) ? line[(line.LastIndexOf('}') + 1)..] : line[name.Length..];
        return double.Parse(afterLabels.Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }
}

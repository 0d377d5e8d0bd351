using System.Text.Json.Serialization;

namespace ChatReport.Dialogs.Recognition;

/// <summary>One option of a choice prompt.</summary>
/// <param name="Value">What the prompt returns when this option is picked, and what its button sends.</param>
public sealed record Choice(string Value)
{
    /// <summary>The button and list label; <see cref="Value"/> when null.</summary>
    public string? Title { get; init; }

    /// <summary>Other words that pick this option (申报 for "我要申报积分").</summary>
    public IReadOnlyList<string> Synonyms { get; init; } = [];

    /// <summary>The label shown to the user.</summary>
    [JsonIgnore]
    public string DisplayTitle => Title ?? Value;
}

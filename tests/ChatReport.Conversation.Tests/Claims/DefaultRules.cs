using System.Text.Json;
using ChatReport.Conversation.Domain;

namespace ChatReport.Conversation.Tests.Claims;

/// <summary>The rules the bot ships with, read from bot/rules.default.json (ids by position).</summary>
public static class DefaultRules
{
    private static readonly Lazy<IReadOnlyList<PointRule>> Loaded = new(Load);

    public static IReadOnlyList<PointRule> All => Loaded.Value;

    public static PointRule ByCode(string code) => All.Single(r => r.Code == code);

    private static List<PointRule> Load()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "bot", "rules.default.json")))
        {
            directory = directory.Parent;
        }

        Assert.NotNull(directory);
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory.FullName, "bot", "rules.default.json")));
        var rules = new List<PointRule>();
        foreach (var rule in document.RootElement.GetProperty("rules").EnumerateArray())
        {
            rules.Add(new PointRule(
                rules.Count + 1,
                rule.GetProperty("code").GetString()!,
                rule.GetProperty("name_zh").GetString()!,
                rule.GetProperty("name_en").GetString()!,
                Enum.Parse<RuleKind>(rule.GetProperty("kind").GetString()!, ignoreCase: true),
                rule.GetProperty("default_points").GetInt32(),
                rule.TryGetProperty("cap_points", out var cap) ? cap.GetInt32() : null,
                rule.TryGetProperty("cap_period", out var period) ? Enum.Parse<CapPeriod>(period.GetString()!, ignoreCase: true) : null,
                [.. rule.GetProperty("keywords").EnumerateArray().Select(k => k.GetString()!)],
                IsActive: true,
                Version: 1,
                UpdatedAt: DateTimeOffset.UnixEpoch,
                Lexicon: rule.TryGetProperty("lexicon", out var lexicon)
                    ? new RuleLexicon(Words(lexicon, "actions"), Words(lexicon, "objects"), Words(lexicon, "beneficiaries"))
                    : null));
        }

        return rules;
    }

    private static string[] Words(JsonElement lexicon, string name) =>
        lexicon.TryGetProperty(name, out var words) ? [.. words.EnumerateArray().Select(w => w.GetString()!)] : [];
}

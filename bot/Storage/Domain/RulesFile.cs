using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using ChatReport.Bot.Storage.Connections;
using ChatReport.Conversation.Domain;

namespace ChatReport.Bot.Storage.Domain;

/// <summary>
/// Reads and checks the administrator's rules file. Every problem is reported, each naming the
/// rule it is in, so one edit-and-retry fixes them all.
/// </summary>
internal static partial class RulesFile
{
    private const int MaxNameLength = 100;
    private const int MaxKeywordLength = 50;

    // Administrators edit this file by hand: comments and trailing commas are forgiven, unknown
    // properties are not (a misspelt "cap_point" would otherwise silently mean "no cap").
    private static readonly JsonSerializerOptions s_json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>Reads the file; on any problem the result has no rules and the errors say why.</summary>
    public static async Task<(IReadOnlyList<RuleDefinition> Rules, IReadOnlyList<string> Errors)> ReadAsync(string path, CancellationToken cancellationToken)
    {
        FileDocument? document;
        try
        {
            await using var stream = File.OpenRead(path);
            document = await JsonSerializer.DeserializeAsync<FileDocument>(stream, s_json, cancellationToken);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return ([], [$"The rules file '{path}' does not exist. Set Rules:Path to your rules file, or put {RulesOptions.DefaultFileName} back."]);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return ([], [$"The rules file '{path}' cannot be read: {ex.Message}"]);
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? string.Create(CultureInfo.InvariantCulture, $" at line {line + 1}") : "";
            return ([], [$"The rules file '{path}' is not valid{where} ({ex.Path}): {FirstSentence(ex.Message)}"]);
        }

        return Validate(document?.Rules);
    }

    public static (IReadOnlyList<RuleDefinition> Rules, IReadOnlyList<string> Errors) Validate(IReadOnlyList<FileRule?>? rules)
    {
        if (rules is null || rules.Count == 0)
        {
            return ([], ["The rules file lists no rules: it needs a \"rules\" array with at least one rule."]);
        }

        var errors = new List<string>();
        var valid = new List<RuleDefinition>();
        var codes = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            var label = string.Create(CultureInfo.InvariantCulture, $"Rule {i + 1}") + (string.IsNullOrWhiteSpace(rule?.Code) ? "" : $" '{rule.Code}'");
            if (rule is null)
            {
                errors.Add($"{label}: is empty.");
                continue;
            }

            var before = errors.Count;
            if (string.IsNullOrWhiteSpace(rule.Code) || !CodePattern().IsMatch(rule.Code))
            {
                errors.Add($"{label}: code must be 2–40 lowercase letters, digits or '_', starting with a letter (like free_haircut).");
            }
            else if (!codes.Add(rule.Code))
            {
                errors.Add($"{label}: the code is used by an earlier rule too; codes must be unique.");
            }

            CheckName(rule.NameZh, "name_zh", label, errors);
            CheckName(rule.NameEn, "name_en", label, errors);

            RuleKind kind = default;
            if (!StoredEnum.TryParse(rule.Kind, out kind))
            {
                errors.Add($"{label}: kind must be one of {string.Join(", ", StoredEnum.AllNames<RuleKind>())}.");
            }

            if (rule.DefaultPoints is not { } points)
            {
                errors.Add($"{label}: default_points is missing.");
            }
            else if (points is < 0 or > 1000)
            {
                errors.Add($"{label}: default_points must be between 0 and 1000 (a deduction is written as a positive number).");
            }
            else if (kind == RuleKind.Deduction && points == 0)
            {
                errors.Add($"{label}: a deduction rule must deduct at least 1 point.");
            }

            CapPeriod? capPeriod = null;
            if (rule.CapPoints is not null || rule.CapPeriod is not null)
            {
                if (rule.CapPoints is null || rule.CapPeriod is null)
                {
                    errors.Add($"{label}: cap_points and cap_period go together; give both or neither.");
                }
                else if (!StoredEnum.TryParse<CapPeriod>(rule.CapPeriod, out var period))
                {
                    errors.Add($"{label}: cap_period must be one of {string.Join(", ", StoredEnum.AllNames<CapPeriod>())}.");
                }
                else if (rule.CapPoints is < 0 or > 10000)
                {
                    errors.Add($"{label}: cap_points must be between 0 and 10000.");
                }
                else if (kind != RuleKind.Bonus)
                {
                    errors.Add($"{label}: only bonus rules can have a cap.");
                }
                else if (rule.CapPoints < rule.DefaultPoints)
                {
                    errors.Add(string.Create(CultureInfo.InvariantCulture, $"{label}: cap_points ({rule.CapPoints}) is below default_points ({rule.DefaultPoints}), so no claim could ever fit."));
                }
                else
                {
                    capPeriod = period;
                }
            }

            var keywords = new List<string>();
            foreach (var keyword in rule.Keywords ?? [])
            {
                var trimmed = keyword?.Trim();
                if (string.IsNullOrEmpty(trimmed) || trimmed.Length > MaxKeywordLength)
                {
                    errors.Add($"{label}: keywords must be non-empty and at most {MaxKeywordLength} characters.");
                    break;
                }

                if (!keywords.Contains(trimmed, StringComparer.Ordinal))
                {
                    keywords.Add(trimmed);
                }
            }

            var lexicon = ReadLexicon(rule.Lexicon, label, errors);
            if (errors.Count == before)
            {
                valid.Add(new RuleDefinition(rule.Code!, rule.NameZh!.Trim(), rule.NameEn!.Trim(), kind, rule.DefaultPoints!.Value, rule.CapPoints, capPeriod, keywords, lexicon));
            }
        }

        var baseRules = valid.Where(r => r.Kind == RuleKind.Base).Select(r => r.Code).ToList();
        if (baseRules.Count > 1)
        {
            errors.Add($"Rules {string.Join(", ", baseRules.Select(c => $"'{c}'"))}: there can be only one base rule (every member gets one base entry per cycle).");
        }

        return errors.Count == 0 ? (valid, []) : ([], errors);
    }

    // An action alone never points at a rule: it needs objects or beneficiaries to go with it.
    private static RuleLexicon ReadLexicon(FileLexicon? lexicon, string label, List<string> errors)
    {
        if (lexicon is null)
        {
            return RuleLexicon.Empty;
        }

        var actions = Terms(lexicon.Actions, "actions", label, errors);
        var objects = Terms(lexicon.Objects, "objects", label, errors);
        var beneficiaries = Terms(lexicon.Beneficiaries, "beneficiaries", label, errors);
        if (actions.Count > 0 && objects.Count == 0 && beneficiaries.Count == 0)
        {
            errors.Add($"{label}: lexicon.actions needs lexicon.objects or lexicon.beneficiaries to go with (an action alone matches nothing).");
        }

        return new RuleLexicon(actions, objects, beneficiaries);
    }

    private static List<string> Terms(List<string?>? terms, string property, string label, List<string> errors)
    {
        var kept = new List<string>();
        foreach (var term in terms ?? [])
        {
            var trimmed = term?.Trim();
            if (string.IsNullOrEmpty(trimmed) || trimmed.Length > MaxKeywordLength)
            {
                errors.Add($"{label}: lexicon.{property} must hold non-empty words of at most {MaxKeywordLength} characters.");
                break;
            }

            if (!kept.Contains(trimmed, StringComparer.Ordinal))
            {
                kept.Add(trimmed);
            }
        }

        return kept;
    }

    private static void CheckName(string? name, string property, string label, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            errors.Add($"{label}: {property} is missing.");
        }
        else if (name.Trim().Length > MaxNameLength)
        {
            errors.Add($"{label}: {property} is longer than {MaxNameLength} characters.");
        }
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }

    [GeneratedRegex("^[a-z][a-z0-9_]{1,39}$")]
    private static partial Regex CodePattern();

    internal sealed class FileDocument
    {
        public List<FileRule?>? Rules { get; set; }
    }

    internal sealed class FileRule
    {
        public string? Code { get; set; }

        public string? NameZh { get; set; }

        public string? NameEn { get; set; }

        public string? Kind { get; set; }

        public int? DefaultPoints { get; set; }

        public int? CapPoints { get; set; }

        public string? CapPeriod { get; set; }

        public List<string?>? Keywords { get; set; }

        public FileLexicon? Lexicon { get; set; }
    }

    internal sealed class FileLexicon
    {
        public List<string?>? Actions { get; set; }

        public List<string?>? Objects { get; set; }

        public List<string?>? Beneficiaries { get; set; }
    }
}

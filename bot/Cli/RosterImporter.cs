using System.Globalization;
using System.Text;
using ChatReport.Bot.Storage.Connections;
using ChatReport.Bot.Storage.Domain;
using ChatReport.Conversation.Domain;

namespace ChatReport.Bot.Cli;

/// <summary>
/// Imports a roster CSV (header <c>branch,name,role</c>; role member, secretary or committee,
/// empty for member). Every row is checked, then written in its own transaction: a bad row is
/// skipped with its reason and never stops the others, and a row already imported is skipped,
/// so running the same file again creates nothing.
/// </summary>
public sealed class RosterImporter(IOrganisation organisation, DbConnectionFactory connections, TimeProvider time)
{
    private static readonly Dictionary<string, string> HeaderWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["branch"] = "branch", ["支部"] = "branch", ["单位"] = "branch",
        ["name"] = "name", ["姓名"] = "name", ["名字"] = "name",
        ["role"] = "role", ["角色"] = "role", ["职务"] = "role",
    };

    private static readonly Dictionary<string, Role> RoleWords = new(StringComparer.OrdinalIgnoreCase)
    {
        [""] = Role.Member, ["member"] = Role.Member, ["党员"] = Role.Member,
        ["secretary"] = Role.Secretary, ["书记"] = Role.Secretary, ["支部书记"] = Role.Secretary,
        ["committee"] = Role.Committee, ["支委"] = Role.Committee, ["委员"] = Role.Committee,
    };

    private readonly RosterStore _store = new(connections, time);

    public async Task<IReadOnlyList<RosterRowResult>> ImportAsync(string path, CancellationToken cancellationToken)
    {
        string text;
        try
        {
            // Strict UTF-8 (a BOM is fine): a GBK file would otherwise import garbled names.
            text = await File.ReadAllTextAsync(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true), cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or DecoderFallbackException or ArgumentException or NotSupportedException)
        {
            throw new RosterFileException(ex is DecoderFallbackException
                ? $"{path} is not UTF-8 text; save it as \"CSV UTF-8\"."
                : $"{path} cannot be read: {ex.Message}", ex);
        }

        var records = RosterCsv.Parse(text);
        if (records.Count == 0)
        {
            throw new RosterFileException($"{path} is empty; the first line must be the header branch,name,role.");
        }

        var columns = Columns(records[0].Fields) ?? throw new RosterFileException(
            $"{path} has the header '{string.Join(",", records[0].Fields)}'; it must name the columns branch,name,role.");
        var results = new List<RosterRowResult>();
        var seen = new Dictionary<(long, string), int>();
        foreach (var (line, fields) in records.Skip(1))
        {
            var branch = Field(fields, columns.Branch);
            var name = Field(fields, columns.Name);
            var roleText = Field(fields, columns.Role);
            results.Add(await ImportRowAsync(line, branch, name, roleText, seen, cancellationToken));
        }

        return results;
    }

    private async Task<RosterRowResult> ImportRowAsync(int line, string branch, string name, string roleText, Dictionary<(long, string), int> seen, CancellationToken cancellationToken)
    {
        RosterRowResult Skip(string reason) => new(line, branch, name, roleText, null, reason);

        name = PersonName.Normalize(name);
        if (name.Length == 0)
        {
            return Skip("empty name");
        }

        if (!PersonName.IsAcceptable(name))
        {
            return Skip(string.Create(CultureInfo.InvariantCulture, $"name longer than {PersonName.MaxLength} characters or with @"));
        }

        if (!RoleWords.TryGetValue(roleText, out var role))
        {
            return Skip($"unknown role '{roleText}' (member, secretary or committee)");
        }

        if (branch.Length == 0)
        {
            return Skip("empty branch");
        }

        var (unit, problem) = await CliLookup.TryUnitAsync(organisation, branch, cancellationToken);
        if (unit is null)
        {
            return Skip(problem!);
        }

        if (!seen.TryAdd((unit.Id, name), line))
        {
            return Skip(string.Create(CultureInfo.InvariantCulture, $"duplicate of line {seen[(unit.Id, name)]}"));
        }

        var member = await _store.AddAsync(unit, name, role, cancellationToken);
        return member is null ? Skip($"already present in {unit.Name}") : new RosterRowResult(line, branch, name, roleText, member.Id, null);
    }

    private static (int Branch, int Name, int Role)? Columns(IReadOnlyList<string> header)
    {
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++)
        {
            if (HeaderWords.TryGetValue(header[i].Trim(), out var column))
            {
                positions.TryAdd(column, i);
            }
        }

        return positions.TryGetValue("branch", out var b) && positions.TryGetValue("name", out var n) && positions.TryGetValue("role", out var r) ? (b, n, r) : null;
    }

    private static string Field(IReadOnlyList<string> fields, int index) => index < fields.Count ? fields[index].Trim() : "";
}

using System.Globalization;
using ChatReport.Bot.Storage.Connections;
using ChatReport.Bot.Storage.Domain;
using ChatReport.Conversation.Domain;

namespace ChatReport.Bot.Cli;

/// <summary>
/// Imports a roster CSV (header <c>branch,name,role</c>; role member, secretary or committee,
/// empty for member). The whole file is read first (<see cref="RosterCsv"/>), so a file that
/// cannot be read imports nothing. Every row is checked, then written in its own transaction: a
/// bad row is skipped with its reason and line and never stops the others, and a row already
/// imported is skipped, so running the same file again creates nothing.
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
        var records = RosterCsv.Read(path, cancellationToken);
        if (records.Count == 0)
        {
            throw new RosterFileException($"{path} is empty; the first line must be the header branch,name,role.");
        }

        var columns = Columns(records[0].Cells) ?? throw new RosterFileException(
            $"{path} has the header '{string.Join(",", records[0].Cells)}'; it must name the columns branch,name,role.");
        var results = new List<RosterRowResult>();
        var seen = new Dictionary<(long, string), int>();
        foreach (var record in records.Skip(1))
        {
            var branch = Field(record.Cells, columns.Branch);
            var name = Field(record.Cells, columns.Name);
            var roleText = Field(record.Cells, columns.Role);
            results.Add(record.SpansLines
                ? new RosterRowResult(record.Line, OneLine(branch), OneLine(name), OneLine(roleText), null, string.Create(
                    CultureInfo.InvariantCulture,
                    $"a cell runs over lines {record.Line}-{record.LastLine}; a roster cell is one line (is a quote left open?)"))
                : await ImportRowAsync(record.Line, branch, name, roleText, seen, cancellationToken));
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

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}

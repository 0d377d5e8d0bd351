using System.Globalization;
using ChatReport.Bot.Storage.Connections;
using ChatReport.Bot.Storage.Domain;
using ChatReport.Conversation.Domain;

namespace ChatReport.Bot.Cli;

/// <summary>
/// Imports a roster CSV (header <c>branch,name,role</c>; role member, secretary or committee,
/// empty for member). The whole file is read first (<see cref="RosterCsv"/>), so a file that
/// cannot be read imports nothing. Then every row is checked: a bad row is skipped with its reason
/// and line and never stops the others. The rows that pass are written together in one
/// transaction (<see cref="RosterStore"/>), where a row whose name the branch already has is
/// skipped, so running the same file again creates nothing.
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
        var check = new RowCheck(organisation);
        var results = new List<RosterRowResult>();
        var accepted = new List<(int Result, RosterEntry Entry)>();
        foreach (var record in records.Skip(1))
        {
            var branch = Field(record.Cells, columns.Branch);
            var name = Field(record.Cells, columns.Name);
            var roleText = Field(record.Cells, columns.Role);
            var (result, entry) = record.SpansLines
                ? (new RosterRowResult(record.Line, OneLine(branch), OneLine(name), OneLine(roleText), null, string.Create(
                    CultureInfo.InvariantCulture,
                    $"a cell runs over lines {record.Line}-{record.LastLine}; a roster cell is one line (is a quote left open?)")), null)
                : await check.RunAsync(record.Line, branch, name, roleText, cancellationToken);
            if (entry is not null)
            {
                accepted.Add((results.Count, entry));
            }

            results.Add(result);
        }

        var members = accepted.Count == 0 ? [] : await _store.AddAllAsync([.. accepted.Select(a => a.Entry)], cancellationToken);
        for (var i = 0; i < accepted.Count; i++)
        {
            var (index, entry) = accepted[i];
            results[index] = members[i] is { } member
                ? results[index] with { MemberId = member.Id }
                : results[index] with { SkipReason = $"already present in {entry.Unit.Name}" };
        }

        return results;
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

    /// <summary>
    /// Checks rows one by one before anything is written, remembering what earlier rows used:
    /// each branch is looked up once, and a name an earlier row gave the same branch (as names
    /// are compared everywhere, see <see cref="PersonName.AreSame"/>) is a duplicate of that line.
    /// </summary>
    private sealed class RowCheck(IOrganisation organisation)
    {
        private readonly Dictionary<string, (OrgUnit? Unit, string? Problem)> _units = new(StringComparer.Ordinal);
        private readonly Dictionary<(long Unit, string Name), int> _lines = [];

        /// <summary>The row's result (pending: neither created nor skipped) and what to write, or the row skipped with its reason.</summary>
        public async Task<(RosterRowResult Result, RosterEntry? Entry)> RunAsync(int line, string branch, string name, string roleText, CancellationToken cancellationToken)
        {
            (RosterRowResult, RosterEntry?) Skip(string reason) => (new(line, branch, name, roleText, null, reason), null);

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

            if (!_units.TryGetValue(branch, out var found))
            {
                found = await CliLookup.TryUnitAsync(organisation, branch, cancellationToken);
                _units.Add(branch, found);
            }

            if (found.Unit is not { } unit)
            {
                return Skip(found.Problem!);
            }

            var key = (unit.Id, PersonName.ComparisonKey(name));
            if (!_lines.TryAdd(key, line))
            {
                return Skip(string.Create(CultureInfo.InvariantCulture, $"duplicate of line {_lines[key]}"));
            }

            return (new(line, branch, name, roleText, null, null), new RosterEntry(unit, name, role));
        }
    }
}

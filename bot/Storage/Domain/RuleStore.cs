using System.Data.Common;
using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using System.Text.Json;
using ChatReport.Bot.Storage.Connections;
using ChatReport.Conversation.Domain;
using Dapper;
using Microsoft.Extensions.Options;

namespace ChatReport.Bot.Storage.Domain;

public sealed class RuleStore(DbConnectionFactory connections, TimeProvider time, IOptions<RulesOptions> options) : IRuleBook
{
    private const string Columns = "id, code, name_zh, name_en, kind, default_points, cap_points, cap_period, keywords, is_active, version, updated_at, lexicon";

    private const string Active = $"""
        SELECT {Columns} FROM point_rules WHERE is_active = TRUE
        ORDER BY CASE kind WHEN 'bonus' THEN 0 WHEN 'deduction' THEN 1 ELSE 2 END, code
        """;

    // What identifies the active rules' contents: every change of a rule's content bumps its
    // version, every write sets updated_at, and (de)activation changes the set. A few bytes a row
    // instead of the keywords and lexicon (kilobytes) on every report and 我的积分 turn.
    private const string ActiveStamps = """
        SELECT id, version, updated_at FROM point_rules WHERE is_active = TRUE
        ORDER BY CASE kind WHEN 'bonus' THEN 0 WHEN 'deduction' THEN 1 ELSE 2 END, code
        """;

    private const string All = $"""
        SELECT {Columns} FROM point_rules
        """;

    private const string ById = $"""
        SELECT {Columns} FROM point_rules WHERE id = @Id
        """;

    private const string ByCode = $"""
        SELECT {Columns} FROM point_rules WHERE code = @Code
        """;

    private const string Insert = $"""
        INSERT INTO point_rules (code, name_zh, name_en, kind, default_points, cap_points, cap_period, keywords, is_active, version, updated_at, lexicon)
        VALUES (@Code, @NameZh, @NameEn, @Kind, @DefaultPoints, @CapPoints, @CapPeriod, @Keywords, TRUE, 1, @UpdatedAt, @Lexicon)
        RETURNING {Columns}
        """;

    private const string Update = $"""
        UPDATE point_rules
        SET name_zh = @NameZh, name_en = @NameEn, kind = @Kind, default_points = @DefaultPoints,
            cap_points = @CapPoints, cap_period = @CapPeriod, keywords = @Keywords, lexicon = @Lexicon, is_active = TRUE,
            version = version + @VersionStep, updated_at = @UpdatedAt
        WHERE code = @Code
        RETURNING {Columns}
        """;

    private const string Deactivate = $"""
        UPDATE point_rules SET is_active = FALSE, updated_at = @UpdatedAt WHERE code = @Code
        RETURNING {Columns}
        """;

    private static readonly JsonSerializerOptions s_keywordsJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonSerializerOptions s_lexiconJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private readonly ConcurrentDictionary<PointRuleRow, PointRule> _parsed = new();

    // The active rules last read, with the stamps they were read under; replaced whole.
    private ActiveRules? _active;

    public async Task<IReadOnlyList<PointRule>> ListActiveAsync(CancellationToken cancellationToken)
    {
        await using var lease = await connections.UseAsync(cancellationToken);
        var connection = lease.Connection;
        var stamps = (await connection.QueryAsync<RuleStamp>(new CommandDefinition(ActiveStamps, cancellationToken: cancellationToken))).AsList();
        if (Volatile.Read(ref _active) is { } known && known.Stamps.SequenceEqual(stamps))
        {
            return known.Rules;
        }

        var rows = await connection.QueryAsync<PointRuleRow>(new CommandDefinition(Active, cancellationToken: cancellationToken));
        PointRule[] rules = [.. rows.Select(Parsed)];
        // Read after the stamps, so a rule changed in between is stamped older than it is read:
        // the next call sees a difference and reads again, never the other way round.
        Volatile.Write(ref _active, new ActiveRules(stamps, rules));
        return rules;
    }

    public async Task<PointRule?> GetAsync(long ruleId, CancellationToken cancellationToken)
    {
        await using var lease = await connections.UseAsync(cancellationToken);
        var connection = lease.Connection;
        var row = await connection.QuerySingleOrDefaultAsync<PointRuleRow>(new CommandDefinition(ById, new { Id = ruleId }, cancellationToken: cancellationToken));
        return row is null ? null : Parsed(row);
    }

    public async Task<PointRule?> FindByCodeAsync(string code, CancellationToken cancellationToken)
    {
        await using var lease = await connections.UseAsync(cancellationToken);
        var connection = lease.Connection;
        var row = await connection.QuerySingleOrDefaultAsync<PointRuleRow>(new CommandDefinition(ByCode, new { Code = code }, cancellationToken: cancellationToken));
        return row is null ? null : Parsed(row);
    }

    public async Task<RuleReloadResult> ReloadAsync(long? actorId, CancellationToken cancellationToken)
    {
        var path = options.Value.ResolvedPath;
        var (rules, errors) = await RulesFile.ReadAsync(path, cancellationToken);
        return errors.Count > 0
            ? new RuleReloadResult(path, [], [], [], 0, errors)
            : await ApplyAsync(path, rules, actorId, cancellationToken);
    }

    /// <summary>
    /// Makes the table say what <paramref name="rules"/> say, in one transaction: upsert by code
    /// (a change bumps the version), deactivate what is missing, never delete.
    /// </summary>
    internal Task<RuleReloadResult> ApplyAsync(string source, IReadOnlyList<RuleDefinition> rules, long? actorId, CancellationToken cancellationToken) =>
        connections.WriteAsync(
            async (connection, transaction) =>
            {
                var now = time.GetUtcNow();
                var current = (await connection.QueryAsync<PointRuleRow>(new CommandDefinition(All, transaction: transaction, cancellationToken: cancellationToken)))
                    .Select(r => r.ToRule())
                    .ToDictionary(r => r.Code, StringComparer.Ordinal);
                var wanted = rules.Select(r => r.Code).ToHashSet(StringComparer.Ordinal);
                List<string> added = [], updated = [], deactivated = [];
                var unchanged = 0;

                // Deactivate first and write the base rule last: at most one base rule may be
                // active at any moment (ux_point_rules_one_base), also half-way through.
                foreach (var gone in current.Values.Where(r => r.IsActive && !wanted.Contains(r.Code)).OrderBy(r => r.Code, StringComparer.Ordinal))
                {
                    var after = await WriteAsync(connection, transaction, Deactivate, new { gone.Code, UpdatedAt = now }, cancellationToken);
                    await AuditLog.WriteAsync(connection, transaction, now, actorId, "rule.deactivate", AuditSubjects.Rule, gone.Code, gone, after, cancellationToken);
                    deactivated.Add(gone.Code);
                }

                foreach (var rule in rules.OrderBy(r => r.Kind == RuleKind.Base))
                {
                    var values = new
                    {
                        rule.Code,
                        rule.NameZh,
                        rule.NameEn,
                        rule.Kind,
                        rule.DefaultPoints,
                        rule.CapPoints,
                        rule.CapPeriod,
                        Keywords = JsonSerializer.Serialize(rule.Keywords, s_keywordsJson),
                        Lexicon = JsonSerializer.Serialize(rule.Words, s_lexiconJson),
                        UpdatedAt = now,
                    };
                    if (!current.TryGetValue(rule.Code, out var before))
                    {
                        var inserted = await WriteAsync(connection, transaction, Insert, values, cancellationToken);
                        await AuditLog.WriteAsync(connection, transaction, now, actorId, "rule.add", AuditSubjects.Rule, rule.Code, null, inserted, cancellationToken);
                        added.Add(rule.Code);
                        continue;
                    }

                    var changed = !SameContent(before, rule);
                    if (!changed && before.IsActive)
                    {
                        unchanged++;
                        continue;
                    }

                    var after = await WriteAsync(connection, transaction, Update, new
                    {
                        values.Code,
                        values.NameZh,
                        values.NameEn,
                        values.Kind,
                        values.DefaultPoints,
                        values.CapPoints,
                        values.CapPeriod,
                        values.Keywords,
                        values.Lexicon,
                        values.UpdatedAt,
                        VersionStep = changed ? 1 : 0,
                    }, cancellationToken);
                    await AuditLog.WriteAsync(connection, transaction, now, actorId, "rule.update", AuditSubjects.Rule, rule.Code, before, after, cancellationToken);
                    updated.Add(rule.Code);
                }

                return new RuleReloadResult(source, added, updated, deactivated, unchanged, []);
            },
            cancellationToken);

    internal static async Task<bool> IsEmptyAsync(DbConnection connection, CancellationToken cancellationToken) =>
        !await connection.ExecuteScalarAsync<bool>(new CommandDefinition("SELECT EXISTS (SELECT 1 FROM point_rules)", cancellationToken: cancellationToken));

    private static async Task<PointRule> WriteAsync(DbConnection connection, DbTransaction? transaction, string sql, object values, CancellationToken cancellationToken) =>
        (await connection.QuerySingleAsync<PointRuleRow>(new CommandDefinition(sql, values, transaction, cancellationToken: cancellationToken))).ToRule();

    private static bool SameContent(PointRule stored, RuleDefinition file) =>
        string.Equals(stored.NameZh, file.NameZh, StringComparison.Ordinal)
        && string.Equals(stored.NameEn, file.NameEn, StringComparison.Ordinal)
        && stored.Kind == file.Kind
        && stored.DefaultPoints == file.DefaultPoints
        && stored.CapPoints == file.CapPoints
        && stored.CapPeriod == file.CapPeriod
        && stored.Keywords.SequenceEqual(file.Keywords, StringComparer.Ordinal)
        && stored.Words.SameWords(file.Words);

    // A row read again unchanged gives the same rule object: no JSON to parse on every turn, and
    // the rule matcher's per-rule preparation (and its remembered readings) stay valid for it.
    private PointRule Parsed(PointRuleRow row)
    {
        if (_parsed.TryGetValue(row, out var rule))
        {
            return rule;
        }

        if (_parsed.Count >= 4096)
        {
            _parsed.Clear();
        }

        return _parsed.GetOrAdd(row, static r => r.ToRule());
    }

    private sealed record PointRuleRow(
        long Id,
        string Code,
        string NameZh,
        string NameEn,
        RuleKind Kind,
        int DefaultPoints,
        int? CapPoints,
        CapPeriod? CapPeriod,
        string Keywords,
        bool IsActive,
        int Version,
        DateTimeOffset UpdatedAt,
        string Lexicon)
    {
        public PointRule ToRule() => new(
            Id, Code, NameZh, NameEn, Kind, DefaultPoints, CapPoints,
            CapPeriod, JsonSerializer.Deserialize<string[]>(Keywords) ?? [], IsActive, Version, UpdatedAt,
            ReadLexicon(Lexicon));

        private static RuleLexicon ReadLexicon(string json)
        {
            var stored = JsonSerializer.Deserialize<StoredLexicon>(json, s_lexiconJson);
            return stored is null ? RuleLexicon.Empty : new RuleLexicon(stored.Actions ?? [], stored.Objects ?? [], stored.Beneficiaries ?? []);
        }
    }

    private sealed record RuleStamp(long Id, int Version, DateTimeOffset UpdatedAt);

    private sealed record ActiveRules(List<RuleStamp> Stamps, PointRule[] Rules);

    private sealed record StoredLexicon(string[]? Actions, string[]? Objects, string[]? Beneficiaries);
}

using ChatReport.Bot.Storage.Connections;
using ChatReport.Bot.Storage.Domain;
using ChatReport.Bot.Storage.Migrations;
using ChatReport.Conversation.Domain;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatReport.Bot.Tests.Storage;

public sealed class RuleStoreTests
{
    private const string TwoRules = """
        {
          // Comments and trailing commas are forgiven: administrators edit this by hand.
          "rules": [
            { "code": "base", "name_zh": "基础积分", "name_en": "Base points", "kind": "base", "default_points": 60 },
            { "code": "snow", "name_zh": "扫雪", "name_en": "Snow", "kind": "bonus", "default_points": 1,
              "cap_points": 3, "cap_period": "week", "keywords": ["扫雪", "掃雪", "snow"] },
          ]
        }
        """;

    [Fact]
    public async Task TheShippedRulesFileIsValidAndHoldsTheExamplesOfTheDomain()
    {
        var (rules, errors) = await RulesFile.ReadAsync(new RulesOptions().ResolvedPath, TestContext.Current.CancellationToken);

        Assert.Empty(errors);
        var byCode = rules.ToDictionary(r => r.Code);
        Assert.Equal((RuleKind.Base, 60), (byCode["base"].Kind, byCode["base"].DefaultPoints));
        Assert.Equal((20, CapPeriod.Quarter), (byCode["free_haircut"].CapPoints, byCode["free_haircut"].CapPeriod));
        Assert.Equal((10, 10, CapPeriod.Quarter), (byCode["greening_zone"].DefaultPoints, byCode["greening_zone"].CapPoints, byCode["greening_zone"].CapPeriod));
        Assert.Equal(1, byCode["snow_clearing"].DefaultPoints);
        Assert.Contains(rules, r => r.Kind == RuleKind.Deduction && r.NameZh == "无故缺席组织生活");
        Assert.Contains(rules, r => r.Kind == RuleKind.Deduction && r.NameZh == "群众反映不良");
        foreach (var name in new[] { "义务理发", "绿化卫生责任区", "铲除路面积雪", "志愿服务", "便民服务站值班", "上门帮扶", "主题党日", "周行一善" })
        {
            Assert.Contains(rules, r => r.NameZh == name);
        }

        // Every bonus rule can be found in simplified, traditional and English words.
        Assert.All(rules.Where(r => r.Kind == RuleKind.Bonus), r =>
        {
            Assert.Contains(r.Keywords, k => k.Any(c => c is >= 'a' and <= 'z'));
            Assert.Contains(r.Keywords, k => k.Any(c => c >= '\u4e00'));
        });
        Assert.Contains("義務理髮", byCode["free_haircut"].Keywords);
        Assert.Contains("掃雪", byCode["snow_clearing"].Keywords);

        // Every bonus rule has a lexicon: actions with objects or beneficiaries, in Chinese and English.
        Assert.All(rules.Where(r => r.Kind == RuleKind.Bonus), r =>
        {
            Assert.NotEmpty(r.Words.Actions);
            Assert.NotEmpty(r.Words.Objects.Concat(r.Words.Beneficiaries));
            Assert.Contains(r.Words.Actions, a => a.Any(c => c is >= 'a' and <= 'z'));
            Assert.Contains(r.Words.Actions, a => a.Any(c => c >= '\u4e00'));
        });
        Assert.Contains("雪", byCode["snow_clearing"].Words.Objects);
        Assert.Contains("五保户", byCode["home_help"].Words.Beneficiaries);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task TheFirstStartLoadsTheRulesFileAndLaterStartsLeaveTheTableAlone(StorageProvider provider)
    {
        using var db = new TestDatabase(provider: provider);
        var stores = await Stores.CreateAsync(db, rules: new RulesOptions { Path = await WriteAsync(db, TwoRules) });
        var initializer = new DefaultRulesInitializer(db.Connections, stores.Rules, Options.Create(stores.RulesOptions), NullLogger<DefaultRulesInitializer>.Instance);

        await initializer.InitializeAsync(TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(stores.RulesOptions.Path!, "not json at all", TestContext.Current.CancellationToken);
        await initializer.InitializeAsync(TestContext.Current.CancellationToken);

        var active = await stores.Rules.ListActiveAsync(TestContext.Current.CancellationToken);
        Assert.Equal(["snow", "base"], active.Select(r => r.Code));
        var snow = active[0];
        Assert.Equal(("扫雪", "Snow", RuleKind.Bonus, 1, 3, CapPeriod.Week, 1), (snow.NameZh, snow.NameEn, snow.Kind, snow.DefaultPoints, snow.CapPoints, snow.CapPeriod, snow.Version));
        Assert.Equal(["扫雪", "掃雪", "snow"], snow.Keywords);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task AnInvalidFileStopsTheFirstStartWithAMessageNamingTheBadRule(StorageProvider provider)
    {
        using var db = new TestDatabase(provider: provider);
        var bad = TwoRules.Replace("\"cap_points\": 3", "\"cap_points\": 0", StringComparison.Ordinal);
        var stores = await Stores.CreateAsync(db, rules: new RulesOptions { Path = await WriteAsync(db, bad) });
        var initializer = new DefaultRulesInitializer(db.Connections, stores.Rules, Options.Create(stores.RulesOptions), NullLogger<DefaultRulesInitializer>.Instance);

        var error = await Assert.ThrowsAsync<DatabaseStartupException>(() => initializer.InitializeAsync(TestContext.Current.CancellationToken));

        Assert.Contains("Rule 2 'snow': cap_points (0) is below default_points (1)", error.Message, StringComparison.Ordinal);
        Assert.Contains(stores.RulesOptions.Path!, error.Message, StringComparison.Ordinal);
        Assert.Empty(await stores.Rules.ListActiveAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("""{ "rules": [ { "code": "x1", "name_zh": "甲", "name_en": "A", "kind": "bonus", "default_points": 1, "cap_point": 3 } ] }""", "cap_point")]
    [InlineData("""{ "rules": [ { "code": "x1", "name_zh": "甲", "name_en": "A", "kind": "bonus", "default_points": 1 }, { "code": "x1", "name_zh": "乙", "name_en": "B", "kind": "bonus", "default_points": 1 } ] }""", "Rule 2 'x1': the code is used by an earlier rule")]
    [InlineData("""{ "rules": [ { "code": "x1", "name_zh": "甲", "name_en": "A", "kind": "praise", "default_points": 1 } ] }""", "Rule 1 'x1': kind must be one of base, bonus, deduction")]
    [InlineData("""{ "rules": [ { "code": "x1", "name_zh": "甲", "name_en": "A", "kind": "bonus", "default_points": 1, "cap_points": 5 } ] }""", "Rule 1 'x1': cap_points and cap_period go together")]
    [InlineData("""{ "rules": [ { "code": "x1", "name_zh": "", "name_en": "A", "kind": "deduction", "default_points": 0 } ] }""", "Rule 1 'x1': name_zh is missing")]
    [InlineData("""{ "rules": [ { "code": "a1", "name_zh": "甲", "name_en": "A", "kind": "base", "default_points": 60 }, { "code": "b1", "name_zh": "乙", "name_en": "B", "kind": "base", "default_points": 50 } ] }""", "there can be only one base rule")]
    [InlineData("""{ "rules": [] }""", "lists no rules")]
    [InlineData("""{ "rules": [ { "code": "x1", "name_zh": "甲", "name_en": "A", "kind": "bonus", "default_points": 1, "lexicon": { "action": ["扫"], "objects": ["雪"] } } ] }""", "action")]
    [InlineData("""{ "rules": [ { "code": "x1", "name_zh": "甲", "name_en": "A", "kind": "bonus", "default_points": 1, "lexicon": { "actions": ["扫"] } } ] }""", "Rule 1 'x1': lexicon.actions needs lexicon.objects or lexicon.beneficiaries")]
    [InlineData("""{ "rules": [ { "code": "x1", "name_zh": "甲", "name_en": "A", "kind": "bonus", "default_points": 1, "lexicon": { "actions": ["扫"], "objects": [""] } } ] }""", "Rule 1 'x1': lexicon.objects must hold non-empty words")]
    [InlineData("""{ "rules": [ { "code": "x1", """, "is not valid at line 1")]
    public async Task ReloadingAnInvalidFileChangesNothingAndSaysWhy(string content, string expected)
    {
        using var db = new TestDatabase();
        var stores = await Stores.CreateAsync(db, rules: new RulesOptions { Path = await WriteAsync(db, TwoRules) });
        Assert.True((await stores.Rules.ReloadAsync(null, TestContext.Current.CancellationToken)).Succeeded);
        await File.WriteAllTextAsync(stores.RulesOptions.Path!, content, TestContext.Current.CancellationToken);

        var result = await stores.Rules.ReloadAsync(null, TestContext.Current.CancellationToken);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Contains(expected, StringComparison.Ordinal));
        Assert.Equal(["snow", "base"], (await stores.Rules.ListActiveAsync(TestContext.Current.CancellationToken)).Select(r => r.Code));
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task AMissingFileIsReportedWithItsPath(StorageProvider provider)
    {
        using var db = new TestDatabase(provider: provider);
        var missing = Path.Combine(Path.GetDirectoryName(db.Path)!, "nowhere.json");
        var stores = await Stores.CreateAsync(db, rules: new RulesOptions { Path = missing });

        var result = await stores.Rules.ReloadAsync(null, TestContext.Current.CancellationToken);

        Assert.Contains($"The rules file '{missing}' does not exist", Assert.Single(result.Errors), StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task ReloadingUpsertsByCodeBumpsVersionsDeactivatesMissingRulesAndKeepsOldClaimsHistory(StorageProvider provider)
    {
        using var db = new TestDatabase(provider: provider);
        var stores = await Stores.CreateAsync(db);
        var branch = await stores.CreateBranchAsync("王学恩");
        var ct = TestContext.Current.CancellationToken;
        var haircut = await stores.RuleAsync("free_haircut");
        var oldClaim = await stores.SubmitAsync(branch[0], "free_haircut", new DateOnly(2026, 10, 8), 5);
        var doomed = await stores.SubmitAsync(branch[0], "weekly_good_deed", new DateOnly(2026, 10, 8), 1);
        await stores.ApproveAsync(doomed, branch.Secretary);

        // The administrator's edit: haircuts are worth 8 now, the weekly good deed is dropped, a new rule arrives.
        var shipped = await File.ReadAllTextAsync(new RulesOptions().ResolvedPath, ct);
        var edited = shipped
            .Replace("\"default_points\": 5,\n      \"cap_points\": 20", "\"default_points\": 8,\n      \"cap_points\": 20", StringComparison.Ordinal)
            .Replace("\"code\": \"weekly_good_deed\"", "\"code\": \"tree_planting\"", StringComparison.Ordinal);
        Assert.NotEqual(shipped, edited);
        var stores2 = await Stores.CreateAsync(db, rules: new RulesOptions { Path = await WriteAsync(db, edited) });
        db.Time.Advance(TimeSpan.FromHours(1));

        var result = await stores2.Rules.ReloadAsync(branch.Secretary.Id, ct);

        Assert.True(result.Succeeded);
        Assert.Equal(["tree_planting"], result.Added);
        Assert.Equal(["free_haircut"], result.Updated);
        Assert.Equal(["weekly_good_deed"], result.Deactivated);
        Assert.Equal(15, result.Unchanged);
        var newHaircut = await stores.RuleAsync("free_haircut");
        Assert.Equal((haircut.Id, 2, 8), (newHaircut.Id, newHaircut.Version, newHaircut.DefaultPoints));
        var dropped = await stores.RuleAsync("weekly_good_deed");
        Assert.False(dropped.IsActive);
        Assert.DoesNotContain(await stores.Rules.ListActiveAsync(ct), r => r.Code == "weekly_good_deed");

        // The old claims keep the rule and version they were made under; new claims take the new version.
        var kept = await stores.Claims.GetAsync(oldClaim.Id, ct);
        Assert.Equal((haircut.Id, 1, 5), (kept!.RuleId, kept.RuleVersion, kept.ClaimedPoints));
        Assert.Equal(1, (await stores.Ledger.GetTotalAsync(branch[0].Id, branch.Cycle.Id, 4, ct)).Bonus);
        Assert.Equal(dropped.Id, (await stores.Claims.GetAsync(doomed.Id, ct))!.RuleId);
        Assert.Equal(2, (await stores.SubmitAsync(branch[0], "free_haircut", new DateOnly(2026, 10, 9), 8)).RuleVersion);
        var change = Assert.Single(await stores.Audit.ListForSubjectAsync(AuditSubjects.Rule, "free_haircut", ct), a => a.Action == "rule.update");
        Assert.Contains("\"defaultPoints\":5", change.BeforeJson, StringComparison.Ordinal);
        Assert.Contains("\"defaultPoints\":8", change.AfterJson, StringComparison.Ordinal);
        Assert.Equal(branch.Secretary.Id, change.ActorId);

        // Putting the dropped rule back reactivates it without a new version: its content did not change.
        var back = await stores.Rules.ReloadAsync(null, ct);
        Assert.Contains("weekly_good_deed", back.Updated);
        Assert.Equal(["tree_planting"], back.Deactivated);
        Assert.Equal((true, 1), ((await stores.RuleAsync("weekly_good_deed")).IsActive, (await stores.RuleAsync("weekly_good_deed")).Version));
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task ReloadingCanReplaceTheBaseRuleUnderANewCode(StorageProvider provider)
    {
        using var db = new TestDatabase(provider: provider);
        var stores = await Stores.CreateAsync(db, rules: new RulesOptions { Path = await WriteAsync(db, TwoRules) });
        await stores.Rules.ReloadAsync(null, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(stores.RulesOptions.Path!, TwoRules.Replace("\"code\": \"base\"", "\"code\": \"base_2027\"", StringComparison.Ordinal), TestContext.Current.CancellationToken);

        var result = await stores.Rules.ReloadAsync(null, TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        Assert.Equal(["base_2027"], result.Added);
        Assert.Equal(["base"], result.Deactivated);
    }

    [Fact]
    public async Task TheActiveRulesAreReadOnceAndAgainWheneverAnotherInstanceChangesThem()
    {
        using var db = new TestDatabase();
        var ct = TestContext.Current.CancellationToken;
        var reader = await Stores.CreateAsync(db, rules: new RulesOptions { Path = await WriteAsync(db, TwoRules) });
        await reader.Rules.ReloadAsync(null, ct);
        // Another process on the same database (the command line), changing rules at the same instant.
        var writer = await Stores.CreateAsync(db, rules: new RulesOptions { Path = await WriteAsync(db, TwoRules.Replace("\"default_points\": 1", "\"default_points\": 2", StringComparison.Ordinal)) });

        var first = await reader.Rules.ListActiveAsync(ct);
        Assert.Same(first, await reader.Rules.ListActiveAsync(ct));

        await writer.Rules.ReloadAsync(null, ct);
        var changed = await reader.Rules.ListActiveAsync(ct);
        Assert.Equal((2, 2), (changed.Single(r => r.Code == "snow").DefaultPoints, changed.Single(r => r.Code == "snow").Version));

        await File.WriteAllTextAsync(writer.RulesOptions.Path!, TwoRules.Replace("\"code\": \"snow\"", "\"code\": \"snow_2027\"", StringComparison.Ordinal), ct);
        await writer.Rules.ReloadAsync(null, ct);
        Assert.Equal(["snow_2027", "base"], (await reader.Rules.ListActiveAsync(ct)).Select(r => r.Code));

        // The old rule back with its content unchanged: active again, same version, seen at once.
        await File.WriteAllTextAsync(writer.RulesOptions.Path!, TwoRules.Replace("\"default_points\": 1", "\"default_points\": 2", StringComparison.Ordinal), ct);
        await writer.Rules.ReloadAsync(null, ct);
        var back = await reader.Rules.ListActiveAsync(ct);
        Assert.Equal(["snow", "base"], back.Select(r => r.Code));
        Assert.Equal((2, 2), (back[0].DefaultPoints, back[0].Version));
    }

    private static async Task<string> WriteAsync(TestDatabase db, string content)
    {
        var path = Path.Combine(Path.GetDirectoryName(db.Path)!, $"rules-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, content, TestContext.Current.CancellationToken);
        return path;
    }
}

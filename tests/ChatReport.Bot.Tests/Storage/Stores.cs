using ChatReport.Bot.Storage.Domain;
using ChatReport.Conversation.Domain;
using Microsoft.Extensions.Options;

namespace ChatReport.Bot.Tests.Storage;

/// <summary>Every store over one migrated test database, sharing its fake clock.</summary>
public sealed class Stores
{
    private Stores(TestDatabase db, CycleOptions cycle, RulesOptions rules)
    {
        Db = db;
        CycleOptions = cycle;
        RulesOptions = rules;
        Units = new OrgUnitStore(db.Connections, db.Time);
        Members = new MemberStore(db.Connections, db.Time);
        JoinCodes = new JoinCodeStore(db.Connections, db.Time);
        Rules = new RuleStore(db.Connections, db.Time, Options.Create(rules));
        Cycles = new CycleStore(db.Connections, db.Time, Options.Create(cycle));
        Claims = new ClaimStore(db.Connections, db.Time);
        Ledger = new LedgerStore(db.Connections, db.Time);
        Tasks = new ServiceTaskStore(db.Connections, db.Time);
        Audit = new AuditStore(db.Connections);
    }

    public TestDatabase Db { get; }

    public CycleOptions CycleOptions { get; }

    public RulesOptions RulesOptions { get; }

    public OrgUnitStore Units { get; }

    public MemberStore Members { get; }

    public JoinCodeStore JoinCodes { get; }

    public RuleStore Rules { get; }

    public CycleStore Cycles { get; }

    public ClaimStore Claims { get; }

    public LedgerStore Ledger { get; }

    public ServiceTaskStore Tasks { get; }

    public AuditStore Audit { get; }

    public static async Task<Stores> CreateAsync(TestDatabase db, CycleOptions? cycle = null, RulesOptions? rules = null)
    {
        await db.Migrator.MigrateAsync(TestContext.Current.CancellationToken);
        return new Stores(db, cycle ?? new CycleOptions(), rules ?? new RulesOptions());
    }

    /// <summary>Loads the shipped rules file, as a first start does.</summary>
    public async Task LoadDefaultRulesAsync()
    {
        var result = await Rules.ReloadAsync(null, TestContext.Current.CancellationToken);
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Errors));
    }

    public async Task<PointRule> RuleAsync(string code) =>
        await Rules.FindByCodeAsync(code, TestContext.Current.CancellationToken) ?? throw new InvalidOperationException($"No rule {code}.");

    /// <summary>A committee with one branch, a secretary and the default rules; the 2026 cycle is open.</summary>
    public async Task<TestBranch> CreateBranchAsync(params string[] memberNames)
    {
        var ct = TestContext.Current.CancellationToken;
        await LoadDefaultRulesAsync();
        var committee = await Units.CreateUnitAsync(new NewOrgUnit(null, OrgUnitKind.Committee, "山岔村党委"), null, ct);
        var branch = await Units.CreateUnitAsync(new NewOrgUnit(committee.Id, OrgUnitKind.Branch, "山岔村党支部"), null, ct);
        var secretary = await Members.AddMemberAsync(branch.Id, "李书记", null, ct);
        await Members.GrantRoleAsync(branch.Id, secretary.Id, Role.Secretary, canReview: true, null, ct);
        var members = new List<Member>();
        foreach (var name in memberNames)
        {
            members.Add(await Members.AddMemberAsync(branch.Id, name, null, ct));
        }

        // Created after the members, so everyone's base points are booked on the cycle's first day.
        var cycle = await Cycles.EnsureCycleAsync(2026, ct);
        return new TestBranch(committee, branch, secretary, members, cycle);
    }

    private int _activity;

    public ActivityKey NextActivity() => new("webchat", "conv-1", $"act-{Interlocked.Increment(ref _activity)}");

    public async Task<Claim> SubmitAsync(Member member, string ruleCode, DateOnly day, int points, string description = "做了好事")
    {
        var rule = await RuleAsync(ruleCode);
        var submission = await Claims.SubmitAsync(
            new ClaimRequest(
                member.Id, rule.Id, new DateTimeOffset(day.ToDateTime(new TimeOnly(15, 0)), TimeSpan.FromHours(8)), day,
                "村口", description, points, null, NextActivity(), []),
            TestContext.Current.CancellationToken);
        Assert.Equal(ClaimSubmissionStatus.Created, submission.Status);
        return submission.Claim!;
    }

    public async Task<LedgerEntry> ApproveAsync(Claim claim, Member reviewer, int? adjustTo = null)
    {
        var change = await Claims.DecideAsync(
            adjustTo is null
                ? new ReviewRequest(claim.Id, reviewer.Id, ReviewAction.Approve)
                : new ReviewRequest(claim.Id, reviewer.Id, ReviewAction.Adjust, adjustTo, "按实际情况调整"),
            TestContext.Current.CancellationToken);
        Assert.Equal(ClaimChangeStatus.Done, change.Status);
        return change.Entry!;
    }
}

using ChatReport.Bot.Storage.Connections;
using ChatReport.Conversation.Domain;
using Dapper;

namespace ChatReport.Bot.Tests.Storage;

public sealed class ClaimStoreTests
{
    private static readonly DateOnly s_october8 = new(2026, 10, 8);

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task SubmittingTheSameActivityTwiceYieldsOneClaim(StorageProvider provider)
    {
        using var db = new TestDatabase(provider: provider);
        var stores = await Stores.CreateAsync(db);
        var branch = await stores.CreateBranchAsync("王学恩");
        var rule = await stores.RuleAsync("free_haircut");
        var request = new ClaimRequest(
            branch[0].Id, rule.Id, new DateTimeOffset(2026, 10, 8, 9, 0, 0, TimeSpan.FromHours(8)), s_october8, "山岔村",
            "为村民义务理发", 5, null, new ActivityKey("webchat", "c-1", "a-1"), [new NewClaimAttachment("image/jpeg", "https://example.test/p.jpg", "p.jpg")]);

        var first = await stores.Claims.SubmitAsync(request, TestContext.Current.CancellationToken);
        var second = await stores.Claims.SubmitAsync(request with { Description = "a retry says the same" }, TestContext.Current.CancellationToken);

        Assert.Equal(ClaimSubmissionStatus.Created, first.Status);
        Assert.Equal(ClaimSubmissionStatus.AlreadySubmitted, second.Status);
        Assert.Equal(first.Claim!.Id, second.Claim!.Id);
        Assert.Equal("为村民义务理发", second.Claim.Description);
        Assert.Single(second.Claim.Attachments);
        await using var connection = await db.Connections.OpenAsync(TestContext.Current.CancellationToken);
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM claims"));
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM claim_attachments"));
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task AClaimIsBookedUnderTheRulesCurrentVersionInTheCycleOfItsDay(StorageProvider provider)
    {
        using var db = new TestDatabase(provider: provider);
        var stores = await Stores.CreateAsync(db);
        var branch = await stores.CreateBranchAsync("王学恩");

        var claim = await stores.SubmitAsync(branch[0], "free_haircut", s_october8, 5);

        Assert.Equal(ClaimStatus.Pending, claim.Status);
        Assert.Equal(branch.Unit.Id, claim.UnitId);
        Assert.Equal(branch.Cycle.Id, claim.CycleId);
        Assert.Equal(1, claim.RuleVersion);
        Assert.Equal(new ActivityKey("webchat", "conv-1", "act-1"), claim.Source);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task RefusesClaimsOutsideAnOpenCycleForInactiveMembersAndUnderDeductionRules(StorageProvider provider)
    {
        using var db = new TestDatabase(provider: provider);
        var stores = await Stores.CreateAsync(db);
        var branch = await stores.CreateBranchAsync("王学恩", "张建周");
        var haircut = await stores.RuleAsync("free_haircut");
        var absent = await stores.RuleAsync("absent_without_reason");
        await stores.Members.SetActiveAsync(branch[1].Id, false, null, TestContext.Current.CancellationToken);
        ClaimRequest Request(long memberId, long ruleId, DateOnly day) => new(
            memberId, ruleId, new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), day, null, "x", 1, null, stores.NextActivity(), []);

        var lastYear = await stores.Claims.SubmitAsync(Request(branch[0].Id, haircut.Id, new DateOnly(2025, 12, 30)), TestContext.Current.CancellationToken);
        var inactive = await stores.Claims.SubmitAsync(Request(branch[1].Id, haircut.Id, s_october8), TestContext.Current.CancellationToken);
        var deduction = await stores.Claims.SubmitAsync(Request(branch[0].Id, absent.Id, s_october8), TestContext.Current.CancellationToken);

        Assert.Equal(ClaimSubmissionStatus.NoOpenCycle, lastYear.Status);
        Assert.Equal(ClaimSubmissionStatus.MemberNotActive, inactive.Status);
        Assert.Equal(ClaimSubmissionStatus.RuleNotClaimable, deduction.Status);
        Assert.Null(lastYear.Claim);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task ApprovingWritesExactlyOneLedgerEntryAndAnAuditRecordWithBeforeAndAfter(StorageProvider provider)
    {
        using var db = new TestDatabase(provider: provider);
        var stores = await Stores.CreateAsync(db);
        var branch = await stores.CreateBranchAsync("王学恩");
        var claim = await stores.SubmitAsync(branch[0], "free_haircut", s_october8, 5);

        var first = await stores.Claims.DecideAsync(new ReviewRequest(claim.Id, branch.Secretary.Id, ReviewAction.Approve), TestContext.Current.CancellationToken);
        var second = await stores.Claims.DecideAsync(new ReviewRequest(claim.Id, branch.Secretary.Id, ReviewAction.Approve), TestContext.Current.CancellationToken);

        Assert.Equal(ClaimChangeStatus.Done, first.Status);
        Assert.Equal(ClaimStatus.Approved, first.Claim!.Status);
        Assert.Equal(5, first.Claim.AwardedPoints);
        Assert.Equal(new LedgerEntry(
            first.Entry!.Id, branch[0].Id, branch.Unit.Id, branch.Cycle.Id, 4, LedgerKind.Bonus, 5, claim.RuleId, claim.Id, null, null,
            s_october8, null, branch.Secretary.Id, db.Time.GetUtcNow()), first.Entry);
        Assert.Equal(ClaimChangeStatus.NoLongerPending, second.Status);
        Assert.Null(second.Entry);
        var entries = await stores.Ledger.ListEntriesAsync(branch[0].Id, branch.Cycle.Id, 4, TestContext.Current.CancellationToken);
        Assert.Equal(first.Entry, Assert.Single(entries));
        var audit = Assert.Single(await stores.Audit.ListForSubjectAsync(AuditSubjects.Claim, claim.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), TestContext.Current.CancellationToken));
        Assert.Equal("claim.approve", audit.Action);
        Assert.Equal(branch.Secretary.Id, audit.ActorId);
        Assert.Contains("\"status\":\"pending\"", audit.BeforeJson, StringComparison.Ordinal);
        Assert.Contains("\"status\":\"approved\"", audit.AfterJson, StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task TwoReviewersDecidingAtOnceProduceOneDecisionAndTheLoserLearnsWhoWon(StorageProvider provider)
    {
        using var db = new TestDatabase(provider: provider);
        var stores = await Stores.CreateAsync(db);
        var branch = await stores.CreateBranchAsync("王学恩", "赵支委");
        var committee = branch[1];
        await stores.Members.GrantRoleAsync(branch.Unit.Id, committee.Id, Role.Committee, canReview: true, branch.Secretary.Id, TestContext.Current.CancellationToken);

        for (var round = 0; round < 10; round++)
        {
            var claim = await stores.SubmitAsync(branch[0], "volunteer_service", s_october8, 2);
            using var start = new ManualResetEventSlim();
            // Each reviewer on its own thread and connection, released together.
            var approve = Task.Run(() => { start.Wait(TestContext.Current.CancellationToken); return stores.Claims.DecideAsync(new ReviewRequest(claim.Id, branch.Secretary.Id, ReviewAction.Approve), TestContext.Current.CancellationToken); }, TestContext.Current.CancellationToken);
            var reject = Task.Run(() => { start.Wait(TestContext.Current.CancellationToken); return stores.Claims.DecideAsync(new ReviewRequest(claim.Id, committee.Id, ReviewAction.Reject, Note: "重复申报"), TestContext.Current.CancellationToken); }, TestContext.Current.CancellationToken);
            start.Set();
            var outcomes = await Task.WhenAll(approve, reject);

            var winner = Assert.Single(outcomes, o => o.Status == ClaimChangeStatus.Done);
            var loser = Assert.Single(outcomes, o => o.Status == ClaimChangeStatus.NoLongerPending);
            Assert.Equal(winner.DecidedBy!.Id, loser.DecidedBy!.Id);
            Assert.Equal(winner.Claim!.Status, loser.Claim!.Status);
            var stored = await stores.Claims.GetAsync(claim.Id, TestContext.Current.CancellationToken);
            Assert.Equal(winner.DecidedBy.Id, stored!.DecidedBy);
            await using var connection = await db.Connections.OpenAsync(TestContext.Current.CancellationToken);
            var awards = await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM ledger_entries WHERE claim_id = @Id", new { claim.Id });
            Assert.Equal(stored.Status == ClaimStatus.Approved ? 1 : 0, awards);
        }
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task OnlyReviewersOfTheBranchDecideAndNeverTheirOwnClaims(StorageProvider provider)
    {
        using var db = new TestDatabase(provider: provider);
        var stores = await Stores.CreateAsync(db);
        var branch = await stores.CreateBranchAsync("王学恩", "赵支委");
        var other = await stores.Units.CreateUnitAsync(new NewOrgUnit(branch.Committee.Id, OrgUnitKind.Branch, "北梁村党支部"), null, TestContext.Current.CancellationToken);
        var otherSecretary = await stores.Members.AddMemberAsync(other.Id, "周书记", null, TestContext.Current.CancellationToken);
        await stores.Members.GrantRoleAsync(other.Id, otherSecretary.Id, Role.Secretary, true, null, TestContext.Current.CancellationToken);
        // A committee member the secretary has not allowed to review.
        await stores.Members.GrantRoleAsync(branch.Unit.Id, branch[1].Id, Role.Committee, canReview: false, null, TestContext.Current.CancellationToken);
        var memberClaim = await stores.SubmitAsync(branch[0], "volunteer_service", s_october8, 2);
        var secretaryClaim = await stores.SubmitAsync(branch.Secretary, "volunteer_service", s_october8, 2);

        var byStranger = await stores.Claims.DecideAsync(new ReviewRequest(memberClaim.Id, otherSecretary.Id, ReviewAction.Approve), TestContext.Current.CancellationToken);
        var byCommittee = await stores.Claims.DecideAsync(new ReviewRequest(memberClaim.Id, branch[1].Id, ReviewAction.Approve), TestContext.Current.CancellationToken);
        var ownClaim = await stores.Claims.DecideAsync(new ReviewRequest(secretaryClaim.Id, branch.Secretary.Id, ReviewAction.Approve), TestContext.Current.CancellationToken);

        Assert.All([byStranger, byCommittee, ownClaim], o => Assert.Equal(ClaimChangeStatus.NotAllowed, o.Status));
        Assert.Equal(2, await stores.Claims.CountPendingAsync(branch.Unit.Id, TestContext.Current.CancellationToken));
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task AdjustingAwardsTheNewPointsAndRejectingAwardsNothingBothWithTheirReason(StorageProvider provider)
    {
        using var db = new TestDatabase(provider: provider);
        var stores = await Stores.CreateAsync(db);
        var branch = await stores.CreateBranchAsync("王学恩");
        var adjusted = await stores.SubmitAsync(branch[0], "home_help", s_october8, 2);
        var rejected = await stores.SubmitAsync(branch[0], "volunteer_service", s_october8, 2);

        var adjust = await stores.Claims.DecideAsync(new ReviewRequest(adjusted.Id, branch.Secretary.Id, ReviewAction.Adjust, 1, "只帮了半天"), TestContext.Current.CancellationToken);
        var reject = await stores.Claims.DecideAsync(new ReviewRequest(rejected.Id, branch.Secretary.Id, ReviewAction.Reject, Note: "没有参加"), TestContext.Current.CancellationToken);

        Assert.Equal((ClaimStatus.Approved, 2, 1, "只帮了半天"), (adjust.Claim!.Status, adjust.Claim.ClaimedPoints, adjust.Claim.AwardedPoints, adjust.Claim.DecisionNote));
        Assert.Equal(1, adjust.Entry!.Points);
        Assert.Equal((ClaimStatus.Rejected, (int?)null, "没有参加"), (reject.Claim!.Status, reject.Claim.AwardedPoints, reject.Claim.DecisionNote));
        Assert.Null(reject.Entry);
        await Assert.ThrowsAsync<ArgumentException>(() => stores.Claims.DecideAsync(new ReviewRequest(adjusted.Id, branch.Secretary.Id, ReviewAction.Reject), TestContext.Current.CancellationToken));
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task AMemberWithdrawsOnlyTheirOwnPendingClaim(StorageProvider provider)
    {
        using var db = new TestDatabase(provider: provider);
        var stores = await Stores.CreateAsync(db);
        var branch = await stores.CreateBranchAsync("王学恩", "张建周");
        var claim = await stores.SubmitAsync(branch[0], "volunteer_service", s_october8, 2);
        var approved = await stores.SubmitAsync(branch[0], "home_help", s_october8, 2);
        await stores.ApproveAsync(approved, branch.Secretary);

        var bySomeoneElse = await stores.Claims.WithdrawAsync(claim.Id, branch[1].Id, TestContext.Current.CancellationToken);
        var byClaimant = await stores.Claims.WithdrawAsync(claim.Id, branch[0].Id, TestContext.Current.CancellationToken);
        var tooLate = await stores.Claims.WithdrawAsync(approved.Id, branch[0].Id, TestContext.Current.CancellationToken);
        var reviewAfterWithdrawal = await stores.Claims.DecideAsync(new ReviewRequest(claim.Id, branch.Secretary.Id, ReviewAction.Approve), TestContext.Current.CancellationToken);

        Assert.Equal(ClaimChangeStatus.NotFound, bySomeoneElse.Status);
        Assert.Equal(ClaimChangeStatus.Done, byClaimant.Status);
        Assert.Equal(ClaimStatus.Withdrawn, byClaimant.Claim!.Status);
        Assert.Equal(ClaimChangeStatus.NoLongerPending, tooLate.Status);
        Assert.Equal(branch.Secretary.Id, tooLate.DecidedBy!.Id);
        Assert.Equal(ClaimChangeStatus.NoLongerPending, reviewAfterWithdrawal.Status);
        Assert.Equal(branch[0].Id, reviewAfterWithdrawal.DecidedBy!.Id);
        Assert.Empty(await stores.Claims.ListPendingAsync(branch.Unit.Id, null, TestContext.Current.CancellationToken));
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task CapUsageCountsAwardedAndPendingPointsOfTheRuleInThePeriodOnly(StorageProvider provider)
    {
        using var db = new TestDatabase(provider: provider);
        var stores = await Stores.CreateAsync(db);
        var branch = await stores.CreateBranchAsync("王学恩");
        var member = branch[0];
        await stores.ApproveAsync(await stores.SubmitAsync(member, "free_haircut", new DateOnly(2026, 10, 8), 5), branch.Secretary);
        await stores.ApproveAsync(await stores.SubmitAsync(member, "free_haircut", new DateOnly(2026, 11, 1), 5), branch.Secretary, adjustTo: 4);
        await stores.SubmitAsync(member, "free_haircut", new DateOnly(2026, 11, 20), 5);
        var withdrawn = await stores.SubmitAsync(member, "free_haircut", new DateOnly(2026, 11, 21), 5);
        await stores.Claims.WithdrawAsync(withdrawn.Id, member.Id, TestContext.Current.CancellationToken);
        // Outside the quarter, and another rule: neither counts.
        await stores.ApproveAsync(await stores.SubmitAsync(member, "free_haircut", new DateOnly(2026, 9, 30), 5), branch.Secretary);
        await stores.SubmitAsync(member, "volunteer_service", new DateOnly(2026, 11, 2), 2);
        var rule = await stores.RuleAsync("free_haircut");
        var period = branch.Cycle.PeriodContaining(rule.CapPeriod!.Value, new DateOnly(2026, 12, 1));

        var usage = await stores.Claims.GetRuleUsageAsync(member.Id, rule.Id, period, TestContext.Current.CancellationToken);

        Assert.Equal(new DateRange(new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31)), usage.Period);
        Assert.Equal(9, usage.AwardedPoints);
        Assert.Equal(5, usage.PendingPoints);
        Assert.Equal(14, usage.CommittedPoints);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task FindsPendingAndApprovedClaimsOfTheSameRuleOnTheSameDay(StorageProvider provider)
    {
        using var db = new TestDatabase(provider: provider);
        var stores = await Stores.CreateAsync(db);
        var branch = await stores.CreateBranchAsync("王学恩");
        var pending = await stores.SubmitAsync(branch[0], "snow_clearing", s_october8, 1);
        var rejected = await stores.SubmitAsync(branch[0], "snow_clearing", s_october8, 1);
        await stores.Claims.DecideAsync(new ReviewRequest(rejected.Id, branch.Secretary.Id, ReviewAction.Reject, Note: "重复"), TestContext.Current.CancellationToken);
        await stores.SubmitAsync(branch[0], "snow_clearing", s_october8.AddDays(1), 1);
        var rule = await stores.RuleAsync("snow_clearing");

        var sameDay = await stores.Claims.FindSameDayAsync(branch[0].Id, rule.Id, s_october8, TestContext.Current.CancellationToken);

        Assert.Equal(pending.Id, Assert.Single(sameDay).Id);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task AnAwardForASignedOffQuarterIsBookedIntoTheNextOpenQuarter(StorageProvider provider)
    {
        using var db = new TestDatabase(provider: provider);
        var stores = await Stores.CreateAsync(db);
        var branch = await stores.CreateBranchAsync("王学恩");
        var claim = await stores.SubmitAsync(branch[0], "volunteer_service", new DateOnly(2026, 9, 20), 2);
        await stores.Cycles.SignOffQuarterAsync(branch.Unit.Id, 2026, 3, branch.Secretary.Id, TestContext.Current.CancellationToken);

        var entry = await stores.ApproveAsync(claim, branch.Secretary);

        Assert.Equal(4, entry.Quarter);
        Assert.Equal(new DateOnly(2026, 9, 20), entry.OccurredOn);
        Assert.Equal(new PointsBreakdown(0, 0, 0), await stores.Ledger.GetTotalAsync(branch[0].Id, branch.Cycle.Id, 3, TestContext.Current.CancellationToken));
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task PendingClaimsCanBeListedForRemindersByAge(StorageProvider provider)
    {
        using var db = new TestDatabase(provider: provider);
        var stores = await Stores.CreateAsync(db);
        var branch = await stores.CreateBranchAsync("王学恩");
        var old = await stores.SubmitAsync(branch[0], "volunteer_service", s_october8, 2);
        db.Time.Advance(TimeSpan.FromDays(3));
        await stores.SubmitAsync(branch[0], "home_help", s_october8, 2);

        var overdue = await stores.Claims.ListPendingAsync(branch.Unit.Id, db.Time.GetUtcNow().AddDays(-2), TestContext.Current.CancellationToken);
        var all = await stores.Claims.ListPendingAsync(branch.Unit.Id, null, TestContext.Current.CancellationToken);

        Assert.Equal(old.Id, Assert.Single(overdue).Id);
        Assert.Equal(2, all.Count);
    }
}

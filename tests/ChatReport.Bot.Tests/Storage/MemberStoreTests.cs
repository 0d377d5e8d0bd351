using ChatReport.Bot.Storage.Connections;
using ChatReport.Conversation.Domain;

namespace ChatReport.Bot.Tests.Storage;

public sealed class MemberStoreTests
{
    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task JoiningWithACodeCreatesTheMemberLinksTheAccountCountsTheUseAndGrantsBasePoints(StorageProvider provider)
    {
        using var db = new TestDatabase(provider: provider);
        var stores = await Stores.CreateAsync(db);
        var branch = await stores.CreateBranchAsync();
        var ct = TestContext.Current.CancellationToken;
        var code = await stores.JoinCodes.IssueAsync(branch.Unit.Id, branch.Secretary.Id, null, 2, ct);

        var result = await stores.Members.JoinAsync(new JoinRequest($" {code.Code} ", "webchat", "u-1", "Wang", "王学恩"), ct);

        Assert.Equal(JoinStatus.Joined, result.Status);
        Assert.True(result.IsNewMember);
        Assert.Equal((branch.Unit.Id, "王学恩"), (result.Member!.UnitId, result.Member.DisplayName));
        Assert.Equal(branch.Unit, result.Unit);
        Assert.Equal(result.Member, await stores.Members.FindByAccountAsync("webchat", "u-1", ct));
        Assert.Equal(1, (await stores.JoinCodes.GetAsync(code.Code, ct))!.Uses);
        // Joined on 2026-11-26: the base points are booked that day, in Q4.
        Assert.Equal(new PointsBreakdown(60, 0, 0), await stores.Ledger.GetTotalAsync(result.Member.Id, branch.Cycle.Id, 4, ct));
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task JoiningAgainFromTheSameAccountChangesNothing(StorageProvider provider)
    {
        using var db = new TestDatabase(provider: provider);
        var stores = await Stores.CreateAsync(db);
        var branch = await stores.CreateBranchAsync();
        var ct = TestContext.Current.CancellationToken;
        var code = await stores.JoinCodes.IssueAsync(branch.Unit.Id, branch.Secretary.Id, null, 1, ct);
        var request = new JoinRequest(code.Code, "webchat", "u-1", null, "王学恩");

        var first = await stores.Members.JoinAsync(request, ct);
        var again = await stores.Members.JoinAsync(request, ct);

        Assert.Equal(JoinStatus.AlreadyMember, again.Status);
        Assert.Equal(first.Member, again.Member);
        Assert.Equal(1, (await stores.JoinCodes.GetAsync(code.Code, ct))!.Uses);
        Assert.Equal(2, (await stores.Members.ListMembersAsync(branch.Unit.Id, ct)).Count);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task UnknownExpiredRevokedAndUsedUpCodesAreRefusedAlike(StorageProvider provider)
    {
        using var db = new TestDatabase(provider: provider);
        var stores = await Stores.CreateAsync(db);
        var branch = await stores.CreateBranchAsync();
        var ct = TestContext.Current.CancellationToken;
        var expiring = await stores.JoinCodes.IssueAsync(branch.Unit.Id, null, db.Time.GetUtcNow().AddHours(1), null, ct);
        var revoked = await stores.JoinCodes.IssueAsync(branch.Unit.Id, null, null, null, ct);
        var single = await stores.JoinCodes.IssueAsync(branch.Unit.Id, null, null, 1, ct);
        Assert.True(await stores.JoinCodes.RevokeAsync(revoked.Code, branch.Secretary.Id, ct));
        Assert.False(await stores.JoinCodes.RevokeAsync(revoked.Code, branch.Secretary.Id, ct));
        Assert.Equal(JoinStatus.Joined, (await stores.Members.JoinAsync(new JoinRequest(single.Code, "webchat", "first", null, "甲"), ct)).Status);
        db.Time.Advance(TimeSpan.FromHours(1));

        JoinRequest As(string code) => new(code, "webchat", "newcomer", null, "乙");
        // One answer for all four, so a guesser cannot tell a code that once existed from a wrong one.
        Assert.Equal(JoinStatus.UnknownCode, (await stores.Members.JoinAsync(As("000000"), ct)).Status);
        Assert.Equal(JoinStatus.UnknownCode, (await stores.Members.JoinAsync(As(expiring.Code), ct)).Status);
        Assert.Equal(JoinStatus.UnknownCode, (await stores.Members.JoinAsync(As(revoked.Code), ct)).Status);
        Assert.Equal(JoinStatus.UnknownCode, (await stores.Members.JoinAsync(As(single.Code), ct)).Status);
        Assert.Null(await stores.Members.FindByAccountAsync("webchat", "newcomer", ct));
        Assert.Empty(await stores.JoinCodes.ListUsableAsync(branch.Unit.Id, ct));
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task JoiningClaimsTheOneUnlinkedRosterEntryWithTheSameName(StorageProvider provider)
    {
        using var db = new TestDatabase(provider: provider);
        var stores = await Stores.CreateAsync(db);
        var branch = await stores.CreateBranchAsync("王学恩", "王伟", "王伟");
        var ct = TestContext.Current.CancellationToken;
        var code = await stores.JoinCodes.IssueAsync(branch.Unit.Id, null, null, null, ct);

        var claimed = await stores.Members.JoinAsync(new JoinRequest(code.Code, "webchat", "u-1", null, "王学恩"), ct);
        // Two roster entries share this name: guessing could hand one person the other's points.
        var ambiguous = await stores.Members.JoinAsync(new JoinRequest(code.Code, "webchat", "u-2", null, "王伟"), ct);

        Assert.False(claimed.IsNewMember);
        Assert.Equal(branch[0].Id, claimed.Member!.Id);
        Assert.True(ambiguous.IsNewMember);
        Assert.DoesNotContain(ambiguous.Member!.Id, branch.Members.Select(m => m.Id));
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task AMemberLinksFurtherAccountsButNeverTakesAnotherMembersAccount(StorageProvider provider)
    {
        using var db = new TestDatabase(provider: provider);
        var stores = await Stores.CreateAsync(db);
        var branch = await stores.CreateBranchAsync("王学恩", "张建周");
        var ct = TestContext.Current.CancellationToken;

        Assert.Equal(AccountLinkStatus.Linked, await stores.Members.LinkAccountAsync(branch[0].Id, "msteams", "29:abc", "Wang", ct));
        Assert.Equal(AccountLinkStatus.Linked, await stores.Members.LinkAccountAsync(branch[0].Id, "webchat", "w-1", null, ct));
        Assert.Equal(AccountLinkStatus.AlreadyLinked, await stores.Members.LinkAccountAsync(branch[0].Id, "webchat", "w-1", null, ct));
        Assert.Equal(AccountLinkStatus.LinkedToAnotherMember, await stores.Members.LinkAccountAsync(branch[1].Id, "webchat", "w-1", null, ct));
        Assert.Equal(AccountLinkStatus.MemberNotFound, await stores.Members.LinkAccountAsync(9999, "webchat", "w-2", null, ct));

        var accounts = await stores.Members.ListAccountsAsync(branch[0].Id, ct);
        Assert.Equal([("msteams", "29:abc"), ("webchat", "w-1")], accounts.Select(a => (a.ChannelId, a.UserId)));
        Assert.Equal(branch[0], await stores.Members.FindByAccountAsync("msteams", "29:abc", ct));
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task ReviewersAreSecretariesAndCommitteeMembersAllowedToReview(StorageProvider provider)
    {
        using var db = new TestDatabase(provider: provider);
        var stores = await Stores.CreateAsync(db);
        var branch = await stores.CreateBranchAsync("赵支委", "钱支委", "孙党员");
        var ct = TestContext.Current.CancellationToken;
        await stores.Members.GrantRoleAsync(branch.Unit.Id, branch[0].Id, Role.Committee, canReview: true, branch.Secretary.Id, ct);
        await stores.Members.GrantRoleAsync(branch.Unit.Id, branch[1].Id, Role.Committee, canReview: false, branch.Secretary.Id, ct);

        var reviewers = await stores.Members.ListReviewersAsync(branch.Unit.Id, ct);
        Assert.Equal([branch.Secretary.Id, branch[0].Id], reviewers.Select(m => m.Id).Order());
        Assert.False(await stores.Members.CanReviewAsync(branch[1].Id, branch.Unit.Id, ct));

        // Allowing, then replacing the secretary.
        await stores.Members.GrantRoleAsync(branch.Unit.Id, branch[1].Id, Role.Committee, canReview: true, branch.Secretary.Id, ct);
        await stores.Members.GrantRoleAsync(branch.Unit.Id, branch[2].Id, Role.Secretary, canReview: false, null, ct);
        Assert.True(await stores.Members.RevokeRoleAsync(branch.Unit.Id, branch.Secretary.Id, Role.Secretary, null, ct));
        Assert.False(await stores.Members.RevokeRoleAsync(branch.Unit.Id, branch.Secretary.Id, Role.Secretary, null, ct));

        reviewers = await stores.Members.ListReviewersAsync(branch.Unit.Id, ct);
        Assert.Equal([branch[0].Id, branch[1].Id, branch[2].Id], reviewers.Select(m => m.Id).Order());
        var roles = await stores.Members.GetRolesAsync(branch[2].Id, ct);
        Assert.Equal((Role.Secretary, true), (Assert.Single(roles).Role, roles[0].CanReview));
        var history = await stores.Audit.ListForSubjectAsync(AuditSubjects.Role, $"{branch.Unit.Id}/{branch[1].Id}/committee", ct);
        Assert.Equal(["role.grant", "role.grant"], history.Select(h => h.Action));
        Assert.Contains("\"canReview\":false", history[1].BeforeJson, StringComparison.Ordinal);
        Assert.Contains("\"canReview\":true", history[1].AfterJson, StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task AnAdministratorAdministersTheWholeSubtreeAndNothingAboveOrBeside(StorageProvider provider)
    {
        using var db = new TestDatabase(provider: provider);
        var stores = await Stores.CreateAsync(db);
        var ct = TestContext.Current.CancellationToken;
        var city = await stores.Units.CreateUnitAsync(new NewOrgUnit(null, OrgUnitKind.Committee, "三门峡市委"), null, ct);
        var general = await stores.Units.CreateUnitAsync(new NewOrgUnit(city.Id, OrgUnitKind.GeneralBranch, "潘河乡党总支"), null, ct);
        var branch = await stores.Units.CreateUnitAsync(new NewOrgUnit(general.Id, OrgUnitKind.Branch, "山岔村党支部"), null, ct);
        var group = await stores.Units.CreateUnitAsync(new NewOrgUnit(branch.Id, OrgUnitKind.Group, "一组"), null, ct);
        var elsewhere = await stores.Units.CreateUnitAsync(new NewOrgUnit(city.Id, OrgUnitKind.GeneralBranch, "交口乡党总支"), null, ct);
        var admin = await stores.Members.AddMemberAsync(general.Id, "组织委员", null, ct);
        await stores.Members.GrantRoleAsync(general.Id, admin.Id, Role.Administrator, false, null, ct);

        Assert.True(await stores.Members.IsAdministratorOfAsync(admin.Id, general.Id, ct));
        Assert.True(await stores.Members.IsAdministratorOfAsync(admin.Id, group.Id, ct));
        Assert.False(await stores.Members.IsAdministratorOfAsync(admin.Id, city.Id, ct));
        Assert.False(await stores.Members.IsAdministratorOfAsync(admin.Id, elsewhere.Id, ct));
        await stores.Members.SetActiveAsync(admin.Id, false, null, ct);
        Assert.False(await stores.Members.IsAdministratorOfAsync(admin.Id, group.Id, ct));
        Assert.Equal([general.Id, elsewhere.Id], (await stores.Units.ListChildrenAsync(city.Id, ct)).Select(u => u.Id).Order());
        Assert.Equal([city.Id], (await stores.Units.ListChildrenAsync(null, ct)).Select(u => u.Id));
        Assert.Equal(branch, Assert.Single(await stores.Units.FindUnitsByNameAsync(" 山岔村党支部 ", ct)));
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task CreatingAUnitRefusesAnUnknownTimeZoneOrParent(StorageProvider provider)
    {
        using var db = new TestDatabase(provider: provider);
        var stores = await Stores.CreateAsync(db);
        var ct = TestContext.Current.CancellationToken;

        await Assert.ThrowsAsync<ArgumentException>(() => stores.Units.CreateUnitAsync(new NewOrgUnit(null, OrgUnitKind.Branch, "x", "Mars/Olympus"), null, ct));
        await Assert.ThrowsAsync<ArgumentException>(() => stores.Units.CreateUnitAsync(new NewOrgUnit(42, OrgUnitKind.Branch, "x"), null, ct));
        Assert.Empty(await stores.Units.ListChildrenAsync(null, ct));
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task MovingAMemberKeepsTheirLedgerWhereItWasBooked(StorageProvider provider)
    {
        using var db = new TestDatabase(provider: provider);
        var stores = await Stores.CreateAsync(db);
        var branch = await stores.CreateBranchAsync("王学恩");
        var ct = TestContext.Current.CancellationToken;
        var other = await stores.Units.CreateUnitAsync(new NewOrgUnit(branch.Committee.Id, OrgUnitKind.Branch, "北梁村党支部"), null, ct);

        var moved = await stores.Members.MoveMemberAsync(branch[0].Id, other.Id, null, ct);

        Assert.Equal(other.Id, moved!.UnitId);
        Assert.Null(await stores.Members.MoveMemberAsync(branch[0].Id, 9999, null, ct));
        Assert.Equal(60, (await stores.Ledger.GetTotalAsync(branch[0].Id, branch.Cycle.Id, null, ct)).Total);
        Assert.Equal(branch.Unit.Id, Assert.Single(await stores.Ledger.ListEntriesAsync(branch[0].Id, branch.Cycle.Id, null, ct)).UnitId);
        Assert.Equal(moved.Id, Assert.Single(await stores.Ledger.GetStandingsAsync(other.Id, branch.Cycle.Id, null, ct)).MemberId);
    }
}

using System.Data.Common;
using ChatReport.Bot.Storage.Connections;
using ChatReport.Bot.Storage.Domain;
using ChatReport.Bot.Storage.Migrations;
using ChatReport.Conversation.Domain;
using Dapper;

namespace ChatReport.Bot.Tests.Storage;

public sealed class SchemaRoundTripTests
{
    public static TheoryData<Type> StoredEnums => [typeof(OrgUnitKind), typeof(Role), typeof(RuleKind), typeof(CapPeriod), typeof(ClaimStatus), typeof(LedgerKind), typeof(ServiceTaskStatus)];

    [Theory]
    [MemberData(nameof(StoredEnums))]
    public void EveryEnumValueHasAStoredNameTheSchemaLists(Type enumType)
    {
        var schema = string.Concat(DatabaseMigrator.Embedded.Select(m => m.Sql));
        var names = typeof(StoredEnum).GetMethod(nameof(StoredEnum.AllNames))!.MakeGenericMethod(enumType).Invoke(null, null) as IEnumerable<string>;

        Assert.Equal(Enum.GetValues(enumType).Length, names!.Count());
        Assert.All(names!, name => Assert.Contains($"'{name}'", schema, StringComparison.Ordinal));
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task TheDomainTablesRoundTripThroughTheStores(StorageProvider provider)
    {
        using var db = new TestDatabase(provider: provider);
        var stores = await Stores.CreateAsync(db);
        var ct = TestContext.Current.CancellationToken;
        var now = db.Time.GetUtcNow();

        // Rules: every kind and every cap period.
        var ruleResult = await stores.Rules.ApplyAsync("test", [
            new RuleDefinition("base", "基础积分", "Base", RuleKind.Base, 60, null, null, []),
            new RuleDefinition("deduct", "扣分", "Deduct", RuleKind.Deduction, 5, null, null, ["扣分"]),
            .. Enum.GetValues<CapPeriod>().Select(p => new RuleDefinition($"cap_{p.ToStored()}", $"上限{p}", $"Cap {p}", RuleKind.Bonus, 1, 9, p, [$"{p}", "繁體"], new RuleLexicon(["扫", "shovel"], ["雪"], ["五保户"]))),
        ], null, ct);
        Assert.Equal(7, ruleResult.Added.Count);
        var yearRule = await stores.RuleAsync("cap_year");
        // Lists compare by reference in records: the keywords are compared on their own.
        IReadOnlyList<string> none = [];
        Assert.Equal(new PointRule(yearRule.Id, "cap_year", "上限Year", "Cap Year", RuleKind.Bonus, 1, 9, CapPeriod.Year, none, true, 1, now), yearRule with { Keywords = none, Lexicon = null });
        Assert.Equal(["Year", "繁體"], yearRule.Keywords);
        Assert.Equal(["扫", "shovel"], yearRule.Words.Actions);
        Assert.Equal(["雪"], yearRule.Words.Objects);
        Assert.Equal(["五保户"], yearRule.Words.Beneficiaries);
        Assert.Equal(yearRule with { Keywords = none, Lexicon = null }, (await stores.Rules.GetAsync(yearRule.Id, ct))! with { Keywords = none, Lexicon = null });

        // Units: every kind, with a time zone of their own.
        OrgUnit? parent = null;
        var units = new List<OrgUnit>();
        foreach (var kind in Enum.GetValues<OrgUnitKind>())
        {
            parent = await stores.Units.CreateUnitAsync(new NewOrgUnit(parent?.Id, kind, $"单位{kind}", "Asia/Urumqi"), null, ct);
            units.Add(parent);
            Assert.Equal(new OrgUnit(parent.Id, units.Count > 1 ? units[^2].Id : null, kind, $"单位{kind}", "Asia/Urumqi", true, now), parent);
            Assert.Equal(parent, await stores.Units.GetUnitAsync(parent.Id, ct));
        }

        var branch = units.Single(u => u.Kind == OrgUnitKind.Branch);

        // Members, accounts and every role.
        var member = await stores.Members.AddMemberAsync(branch.Id, "王学恩", null, ct);
        var reviewer = await stores.Members.AddMemberAsync(branch.Id, "李书记", null, ct);
        Assert.Equal(new Member(member.Id, branch.Id, "王学恩", true, now), await stores.Members.GetAsync(member.Id, ct));
        await stores.Members.LinkAccountAsync(member.Id, "msteams", "29:1", "Wang X", ct);
        Assert.Equal(new ChannelAccountLink("msteams", "29:1", member.Id, "Wang X", now), Assert.Single(await stores.Members.ListAccountsAsync(member.Id, ct)));
        foreach (var role in Enum.GetValues<Role>())
        {
            await stores.Members.GrantRoleAsync(branch.Id, reviewer.Id, role, role == Role.Committee, null, ct);
        }

        Assert.Equal(
            Enum.GetValues<Role>().Select(r => new UnitRole(branch.Id, reviewer.Id, r, r is Role.Secretary or Role.Committee, null, now)).OrderBy(r => r.Role.ToStored(), StringComparer.Ordinal),
            await stores.Members.GetRolesAsync(reviewer.Id, ct));

        // The cycle, with base points.
        var cycle = await stores.Cycles.EnsureCycleAsync(2026, ct);
        Assert.Equal(new Cycle(cycle.Id, 2026, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), true), await stores.Cycles.GetCycleAsync(cycle.Id, ct));

        // Join codes.
        var code = await stores.JoinCodes.IssueAsync(branch.Id, reviewer.Id, now.AddDays(7), 3, ct);
        Assert.Equal(new JoinCode(code.Code, branch.Id, reviewer.Id, now, now.AddDays(7), 3, 0, null), await stores.JoinCodes.GetAsync(code.Code, ct));
        Assert.Matches("^[1-9][0-9]{5}$", code.Code);

        // Claims with attachments, in every status.
        var occurredAt = new DateTimeOffset(2026, 10, 8, 15, 30, 0, TimeSpan.FromHours(8));
        var source = new ActivityKey("msteams", "a:1", "1730000000000");
        var submitted = (await stores.Claims.SubmitAsync(
            new ClaimRequest(member.Id, yearRule.Id, occurredAt, new DateOnly(2026, 10, 8), "村口", "扫雪两个小时", 1, "同一天第二次", source,
                [new NewClaimAttachment("image/jpeg", "https://files.test/1.jpg", "1.jpg"), new NewClaimAttachment("image/png", null, null)]),
            ct)).Claim!;
        var read = await stores.Claims.GetAsync(submitted.Id, ct);
        Assert.Equal(
            (member.Id, branch.Id, yearRule.Id, 1, cycle.Id, occurredAt, new DateOnly(2026, 10, 8), "村口", "扫雪两个小时", 1, ClaimStatus.Pending, (int?)null, (long?)null, (DateTimeOffset?)null, (string?)null, "同一天第二次", source, now),
            (read!.MemberId, read.UnitId, read.RuleId, read.RuleVersion, read.CycleId, read.OccurredAt, read.OccurredOn, read.Place, read.Description, read.ClaimedPoints, read.Status, read.AwardedPoints, read.DecidedBy, read.DecidedAt, read.DecisionNote, read.MemberNote, read.Source, read.CreatedAt));
        Assert.Equal(
            [new ClaimAttachment(read.Attachments[0].Id, read.Id, "image/jpeg", "https://files.test/1.jpg", "1.jpg", now), new ClaimAttachment(read.Attachments[1].Id, read.Id, "image/png", null, null, now)],
            read.Attachments);
        var approved = await stores.Claims.DecideAsync(new ReviewRequest(read.Id, reviewer.Id, ReviewAction.Adjust, 0, "按规定"), ct);
        Assert.Equal((ClaimStatus.Approved, 0, reviewer.Id, now, "按规定"), (approved.Claim!.Status, approved.Claim.AwardedPoints!.Value, approved.Claim.DecidedBy!.Value, approved.Claim.DecidedAt!.Value, approved.Claim.DecisionNote!));
        var toReject = (await stores.Claims.SubmitAsync(new ClaimRequest(member.Id, yearRule.Id, occurredAt, new DateOnly(2026, 10, 8), null, "x", 1, null, source with { ActivityId = "2" }, []), ct)).Claim!;
        var toWithdraw = (await stores.Claims.SubmitAsync(new ClaimRequest(member.Id, yearRule.Id, occurredAt, new DateOnly(2026, 10, 8), null, "y", 1, null, source with { ActivityId = "3" }, []), ct)).Claim!;
        await stores.Claims.DecideAsync(new ReviewRequest(toReject.Id, reviewer.Id, ReviewAction.Reject, Note: "不符合"), ct);
        await stores.Claims.WithdrawAsync(toWithdraw.Id, member.Id, ct);
        Assert.Equal(
            [ClaimStatus.Approved, ClaimStatus.Rejected, ClaimStatus.Withdrawn],
            (await stores.Claims.ListForMemberAsync(member.Id, cycle.Id, null, ct)).OrderBy(c => c.Id).Select(c => c.Status));

        // Tasks and sign-ups, in every status.
        var open = await stores.Tasks.PostAsync(new NewServiceTask(branch.Id, "扫雪", "村口", occurredAt, 2, 5, reviewer.Id), ct);
        Assert.Equal(new ServiceTask(open.Id, branch.Id, "扫雪", "村口", occurredAt, 2, 5, ServiceTaskStatus.Open, reviewer.Id, now, null, null), await stores.Tasks.GetAsync(open.Id, ct));
        await stores.Tasks.SignUpAsync(open.Id, member.Id, ct);
        Assert.Equal(new TaskSignup(open.Id, member.Id, now, null), Assert.Single(await stores.Tasks.ListSignUpsAsync(open.Id, ct)));
        var completed = await stores.Tasks.PostAsync(new NewServiceTask(branch.Id, "修路", null, occurredAt, 2, null, reviewer.Id), ct);
        var cancelled = await stores.Tasks.PostAsync(new NewServiceTask(branch.Id, "开会", null, occurredAt, 2, null, reviewer.Id), ct);
        Assert.Equal(TaskClosingStatus.Closed, (await stores.Tasks.CompleteAsync(completed.Id, reviewer.Id, [member.Id], ct)).Status);
        Assert.Equal(TaskClosingStatus.Closed, (await stores.Tasks.CancelAsync(cancelled.Id, reviewer.Id, ct)).Status);
        Assert.Equal(new ServiceTask(cancelled.Id, branch.Id, "开会", null, occurredAt, 2, null, ServiceTaskStatus.Cancelled, reviewer.Id, now, reviewer.Id, now), await stores.Tasks.GetAsync(cancelled.Id, ct));
        Assert.Equal(ServiceTaskStatus.Completed, (await stores.Tasks.GetAsync(completed.Id, ct))!.Status);

        // Ledger entries of every kind.
        var deduction = (await stores.Ledger.RecordDeductionAsync(new DeductionRequest(member.Id, 5, "缺席", reviewer.Id, new DateOnly(2026, 11, 1), (await stores.RuleAsync("deduct")).Id), ct)).Entry!;
        await stores.Ledger.ReverseAsync(new ReversalRequest(deduction.Id, "误记", reviewer.Id), ct);
        await using (var connection = await db.Connections.OpenAsync(ct))
        await using (var transaction = await connection.BeginTransactionAsync(ct))
        {
            await LedgerWriter.InsertAsync(connection, transaction, new NewLedgerEntry(member.Id, branch.Id, cycle.Id, 4, LedgerKind.Adjustment, 1, new DateOnly(2026, 11, 2), now, reviewer.Id, "补记"), ct);
            await transaction.CommitAsync(ct);
        }

        var entries = await stores.Ledger.ListEntriesAsync(member.Id, cycle.Id, null, ct);
        Assert.Equal(Enum.GetValues<LedgerKind>().Order(), entries.Select(e => e.Kind).Distinct().Order());
        Assert.Equal(
            new LedgerEntry(deduction.Id, member.Id, branch.Id, cycle.Id, 4, LedgerKind.Deduction, -5, deduction.RuleId, null, null, null, new DateOnly(2026, 11, 1), "缺席", reviewer.Id, now),
            entries.Single(e => e.Kind == LedgerKind.Deduction));
        Assert.Equal(new PointsBreakdown(60, 0 + 2 + 1, 0), await stores.Ledger.GetTotalAsync(member.Id, cycle.Id, null, ct));

        // Quarter sign-off and the audit log.
        var signOff = await stores.Cycles.SignOffQuarterAsync(branch.Id, 2026, 4, reviewer.Id, ct);
        Assert.Equal(new QuarterSignOff(branch.Id, 2026, 4, reviewer.Id, now), signOff.SignOff);
        var audit = await stores.Audit.ListForSubjectAsync(AuditSubjects.Quarter, $"{branch.Id}/2026Q4", ct);
        Assert.Equal((now, reviewer.Id, "quarter.sign_off", (string?)null), (audit[0].At, audit[0].ActorId, audit[0].Action, audit[0].BeforeJson));
        Assert.Contains("\"quarter\":4", audit[0].AfterJson, StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task TheHostTablesRoundTripWithTheirValuesIntact(StorageProvider provider)
    {
        using var db = new TestDatabase(provider: provider);
        var stores = await Stores.CreateAsync(db);
        var ct = TestContext.Current.CancellationToken;
        var unit = await stores.Units.CreateUnitAsync(new NewOrgUnit(null, OrgUnitKind.Branch, "山岔村党支部"), null, ct);
        // An instant with an offset comes back as the same instant in UTC.
        var at = new DateTimeOffset(2026, 11, 26, 20, 0, 0, TimeSpan.FromHours(8));
        await using var connection = await db.Connections.OpenAsync(ct);

        var reference = new ConversationReferenceRow("msteams", "19:group@thread.tacv2", "https://smba.test/apac/", "28:bot", "积分助手", "29:u", "王学恩", "tenant-1", "channel", true, "zh-CN", true, at);
        await connection.ExecuteAsync("""
            INSERT INTO conversation_references (channel_id, conversation_id, service_url, bot_id, bot_name, user_id, user_name, tenant_id, conversation_type, is_group, locale, verified, updated_at)
            VALUES (@ChannelId, @ConversationId, @ServiceUrl, @BotId, @BotName, @UserId, @UserName, @TenantId, @ConversationType, @IsGroup, @Locale, @Verified, @UpdatedAt)
            """, reference);
        Assert.Equal(reference, await connection.QuerySingleAsync<ConversationReferenceRow>("""
            SELECT channel_id, conversation_id, service_url, bot_id, bot_name, user_id, user_name, tenant_id, conversation_type, is_group, locale, verified, updated_at
            FROM conversation_references
            """));

        var subscription = new SubscriptionRow("msteams", "19:group@thread.tacv2", unit.Id, null, at, null);
        await connection.ExecuteAsync("""
            INSERT INTO group_subscriptions (channel_id, conversation_id, unit_id, subscribed_by, subscribed_at, unsubscribed_at)
            VALUES (@ChannelId, @ConversationId, @UnitId, @SubscribedBy, @SubscribedAt, @UnsubscribedAt)
            """, subscription);
        Assert.Equal(subscription, await connection.QuerySingleAsync<SubscriptionRow>("SELECT channel_id, conversation_id, unit_id, subscribed_by, subscribed_at, unsubscribed_at FROM group_subscriptions"));
        // A subscription needs the conversation it belongs to.
        await Assert.ThrowsAnyAsync<DbException>(() => connection.ExecuteAsync(
            "INSERT INTO group_subscriptions (channel_id, conversation_id, unit_id, subscribed_at) VALUES ('webchat', 'nowhere', @UnitId, @At)", new { UnitId = unit.Id, At = at }));

        var state = new DialogStateRow("webchat", "c-1", "u-1", """{"stack":[{"id":"ClaimDialog","state":{"step":2,"place":"村口"}}]}""", "v3", 7, at);
        await connection.ExecuteAsync("""
            INSERT INTO dialog_states (channel_id, conversation_id, user_id, state_json, dialog_set_version, version, last_access_at)
            VALUES (@ChannelId, @ConversationId, @UserId, @StateJson, @DialogSetVersion, @Version, @LastAccessAt)
            """, state);
        Assert.Equal(state, await connection.QuerySingleAsync<DialogStateRow>("SELECT channel_id, conversation_id, user_id, state_json, dialog_set_version, version, last_access_at FROM dialog_states"));

        var processed = new ProcessedActivityRow("webchat", "c-1", "act-1", at);
        await connection.ExecuteAsync("INSERT INTO processed_activities (channel_id, conversation_id, activity_id, processed_at) VALUES (@ChannelId, @ConversationId, @ActivityId, @ProcessedAt)", processed);
        Assert.Equal(processed, await connection.QuerySingleAsync<ProcessedActivityRow>("SELECT channel_id, conversation_id, activity_id, processed_at FROM processed_activities"));
        await Assert.ThrowsAnyAsync<DbException>(() => connection.ExecuteAsync(
            "INSERT INTO processed_activities (channel_id, conversation_id, activity_id, processed_at) VALUES (@ChannelId, @ConversationId, @ActivityId, @ProcessedAt)", processed));

        var run = new DigestRunRow(0, "msteams", "19:group@thread.tacv2", unit.Id, new DateOnly(2026, 11, 26), "sent", "host-a/1234", at, at.AddSeconds(3), 1, false, null);
        var runId = await connection.ExecuteScalarAsync<long>("""
            INSERT INTO digest_runs (channel_id, conversation_id, unit_id, local_date, status, claimed_by, claimed_at, finished_at, attempts, is_late, last_error)
            VALUES (@ChannelId, @ConversationId, @UnitId, @LocalDate, @Status, @ClaimedBy, @ClaimedAt, @FinishedAt, @Attempts, @IsLate, @LastError)
            RETURNING id
            """, run);
        Assert.Equal(run with { Id = runId }, await connection.QuerySingleAsync<DigestRunRow>("""
            SELECT id, channel_id, conversation_id, unit_id, local_date, status, claimed_by, claimed_at, finished_at, attempts, is_late, last_error FROM digest_runs
            """));
        // Exactly one digest per group per local day.
        await Assert.ThrowsAnyAsync<DbException>(() => connection.ExecuteScalarAsync<long>("""
            INSERT INTO digest_runs (channel_id, conversation_id, unit_id, local_date, status, claimed_by, claimed_at, finished_at, attempts, is_late, last_error)
            VALUES (@ChannelId, @ConversationId, @UnitId, @LocalDate, @Status, @ClaimedBy, @ClaimedAt, @FinishedAt, @Attempts, @IsLate, @LastError)
            RETURNING id
            """, run));

        await connection.ExecuteAsync("INSERT INTO settings (key, value) VALUES ('direct_line_secret', 's3cr3t')");
        Assert.Equal("s3cr3t", await connection.ExecuteScalarAsync<string>("SELECT value FROM settings WHERE key = 'direct_line_secret'"));
    }

    public sealed record ConversationReferenceRow(
        string ChannelId, string ConversationId, string ServiceUrl, string BotId, string? BotName, string? UserId, string? UserName,
        string? TenantId, string? ConversationType, bool IsGroup, string? Locale, bool Verified, DateTimeOffset UpdatedAt);

    public sealed record SubscriptionRow(string ChannelId, string ConversationId, long UnitId, long? SubscribedBy, DateTimeOffset SubscribedAt, DateTimeOffset? UnsubscribedAt);

    public sealed record DialogStateRow(string ChannelId, string ConversationId, string UserId, string StateJson, string DialogSetVersion, int Version, DateTimeOffset LastAccessAt);

    public sealed record ProcessedActivityRow(string ChannelId, string ConversationId, string ActivityId, DateTimeOffset ProcessedAt);

    public sealed record DigestRunRow(
        long Id, string ChannelId, string ConversationId, long UnitId, DateOnly LocalDate, string Status, string ClaimedBy,
        DateTimeOffset ClaimedAt, DateTimeOffset? FinishedAt, int Attempts, bool IsLate, string? LastError);
}

using ChatReport.Bot.Tests.Storage;
using ChatReport.Conversation.Commands;
using ChatReport.Conversation.Deductions;
using ChatReport.Conversation.Domain;
using ChatReport.Conversation.Review;
using ChatReport.Conversation.Tasks;
using ChatReport.Dialogs.Tests.Testing;

namespace ChatReport.Bot.Tests.Review;

/// <summary>
/// One committee with two branches and a person for every role, over the real SQLite stores,
/// and the secretary-side commands wired as the root dialog will wire them.
/// Branch A: 李书记 (secretary), 张三 and 王五 (members), 赵六 (committee, may not review),
/// 钱七 (committee, may review). Branch B: 孙书记 (secretary), 周八 (member). 吴主任 administers
/// the committee. Each has a channel account "test:&lt;name&gt;"; a stranger has none.
/// </summary>
public sealed class SecretaryWorld : IDisposable
{
    public const string Stranger = "stranger";

    private SecretaryWorld(TestDatabase db, Stores stores)
    {
        Db = db;
        Stores = stores;
    }

    public TestDatabase Db { get; }

    public Stores Stores { get; }

    public TestBranch Branch { get; private set; } = null!;

    public OrgUnit OtherBranch { get; private set; } = null!;

    public Dictionary<string, Member> People { get; } = [];

    public RecordingReviewNotifier ReviewNotifier { get; } = new();

    public RecordingDeductionNotifier DeductionNotifier { get; } = new();

    public RecordingTaskNotifier TaskNotifier { get; } = new();

    public Member this[string name] => People[name];

    public static async Task<SecretaryWorld> CreateAsync()
    {
        var db = new TestDatabase();
        var world = new SecretaryWorld(db, await Stores.CreateAsync(db));
        await world.SeedAsync();
        return world;
    }

    private async Task SeedAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        Branch = await Stores.CreateBranchAsync("张三", "王五", "赵六", "钱七");
        People["李书记"] = Branch.Secretary;
        foreach (var member in Branch.Members)
        {
            People[member.DisplayName] = member;
        }

        await Stores.Members.GrantRoleAsync(Branch.Unit.Id, this["赵六"].Id, Role.Committee, canReview: false, null, ct);
        await Stores.Members.GrantRoleAsync(Branch.Unit.Id, this["钱七"].Id, Role.Committee, canReview: true, null, ct);
        OtherBranch = await Stores.Units.CreateUnitAsync(new NewOrgUnit(Branch.Committee.Id, OrgUnitKind.Branch, "河口村党支部"), null, ct);
        People["孙书记"] = await Stores.Members.AddMemberAsync(OtherBranch.Id, "孙书记", null, ct);
        await Stores.Members.GrantRoleAsync(OtherBranch.Id, this["孙书记"].Id, Role.Secretary, canReview: true, null, ct);
        People["周八"] = await Stores.Members.AddMemberAsync(OtherBranch.Id, "周八", null, ct);
        People["吴主任"] = await Stores.Members.AddMemberAsync(Branch.Committee.Id, "吴主任", null, ct);
        await Stores.Members.GrantRoleAsync(Branch.Committee.Id, this["吴主任"].Id, Role.Administrator, canReview: false, null, ct);
        foreach (var (name, member) in People)
        {
            Assert.Equal(AccountLinkStatus.Linked, await Stores.Members.LinkAccountAsync(member.Id, "test", name, name, ct));
            Assert.Equal(AccountLinkStatus.Linked, await Stores.Members.LinkAccountAsync(member.Id, "webchat", name, name, ct));
        }
    }

    public IReadOnlyList<IChatCommand> Commands() =>
    [
        new ApproveAllCommand(new ApproveAllDialog(Stores.Members, Stores.Claims, ReviewNotifier)),
        new PendingClaimsCommand(new PendingClaimsDialog(Stores.Members, Stores.Claims, Stores.Rules)),
        new DecideClaimCommand(new DecideClaimDialog(Stores.Members, Stores.Claims, ReviewNotifier)),
        new PostTaskCommand(new PostTaskDialog(Stores.Members, Stores.Tasks, TaskNotifier, Db.Time)),
        new JoinTaskCommand(new JoinTaskDialog(Stores.Members, Stores.Tasks)),
        new CloseTaskCommand(new CloseTaskDialog(Stores.Members, Stores.Tasks, TaskNotifier)),
        new DeductCommand(new DeductDialog(Stores.Members, Stores.Units, Stores.Rules, Stores.Ledger, DeductionNotifier, Db.Time)),
    ];

    /// <summary>A conversation with the bot; say who speaks with <see cref="FlowExtensions.SendAs"/>.</summary>
    public DialogTestFlow Flow(string channelId = "test", string locale = "zh-CN") =>
        new(_ => new CommandRootDialog(Commands())) { ChannelId = channelId, Locale = locale };

    public Task<Claim> ClaimAsync(string member, int points = 10, string description = "帮邻居扫雪") =>
        Stores.SubmitAsync(this[member], "snow_clearing", new DateOnly(2026, 11, 25), points, description);

    public async Task<Claim> ReloadAsync(Claim claim) =>
        (await Stores.Claims.GetAsync(claim.Id, TestContext.Current.CancellationToken))!;

    public void Dispose() => Db.Dispose();
}

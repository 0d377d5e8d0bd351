using ChatReport.Bot.Tests.Review;
using ChatReport.Conversation.Administration;
using ChatReport.Conversation.Commands;
using ChatReport.Conversation.Domain;
using ChatReport.Dialogs.Tests.Testing;
using Dapper;

namespace ChatReport.Bot.Tests.Administration;

/// <summary>
/// <see cref="SecretaryWorld"/> with the administration commands, and 冯主任, who administers
/// only branch B (河口村党支部): an administrator of another subtree as seen from branch A.
/// </summary>
public sealed class AdministrationWorld : IDisposable
{
    private AdministrationWorld(SecretaryWorld world) => World = world;

    public SecretaryWorld World { get; }

    public Member this[string name] => World[name];

    public static async Task<AdministrationWorld> CreateAsync()
    {
        var world = await SecretaryWorld.CreateAsync();
        var ct = TestContext.Current.CancellationToken;
        var members = world.Stores.Members;
        var feng = await members.AddMemberAsync(world.OtherBranch.Id, "冯主任", null, ct);
        await members.GrantRoleAsync(world.OtherBranch.Id, feng.Id, Role.Administrator, canReview: false, null, ct);
        await members.LinkAccountAsync(feng.Id, "test", "冯主任", "冯主任", ct);
        world.People["冯主任"] = feng;
        return new AdministrationWorld(world);
    }

    public IReadOnlyList<IChatCommand> Commands()
    {
        var s = World.Stores;
        var findUnit = new FindUnitDialog(s.Members, s.Units);
        var findMember = new FindMemberDialog(s.Members, s.Units);
        return
        [
            new CreateUnitCommand(new CreateUnitDialog(s.Members, s.Units, findUnit)),
            new AppointSecretaryCommand(new AppointSecretaryDialog(s.Members, s.Units, findUnit, findMember)),
            new AllowReviewCommand(new AllowReviewDialog(s.Members, s.Units, findMember)),
            new IssueCodeCommand(new IssueCodeDialog(s.Members, s.Units, s.JoinCodes, JoinCodePolicy.Default, World.Db.Time, findUnit)),
            new PersonalCodeCommand(new PersonalCodeDialog(s.Members, s.Units, s.JoinCodes, JoinCodePolicy.Default, World.Db.Time, findMember)),
            new RevokeCodeCommand(new RevokeCodeDialog(s.Members, s.Units, s.JoinCodes)),
            new MoveMemberCommand(new MoveMemberDialog(s.Members, s.Units, findUnit, findMember)),
            new DeactivateMemberCommand(new DeactivateMemberDialog(s.Members, s.Units, findMember)),
            new ReloadRulesCommand(new ReloadRulesDialog(s.Members, s.Units, s.Rules)),
        ];
    }

    public DialogTestFlow Flow(string locale = "zh-CN") =>
        new(_ => new CommandRootDialog(Commands())) { ChannelId = "test", Locale = locale };

    /// <summary>How many audit records exist: every administrative write adds at least one.</summary>
    public async Task<long> AuditCountAsync()
    {
        await using var connection = await World.Db.Connections.OpenAsync(TestContext.Current.CancellationToken);
        return await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM audit_log");
    }

    public async Task<IReadOnlyList<Role>> RolesAsync(string name, long unitId) =>
        [.. (await World.Stores.Members.GetRolesAsync(this[name].Id, TestContext.Current.CancellationToken)).Where(r => r.UnitId == unitId).Select(r => r.Role)];

    public void Dispose() => World.Dispose();
}

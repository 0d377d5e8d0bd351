using ChatReport.Bot.Tests.Review;
using ChatReport.Conversation.Administration;

namespace ChatReport.Bot.Tests.Administration;

/// <summary>
/// Each role against each administration action on branch A (山岔村党支部) and its member 王五:
/// allowed (and something was written), or refused politely with nothing changed.
/// </summary>
public sealed class AdministrationAuthorisationTests
{
    private static readonly AdministrationTexts Zh = AdministrationTexts.Chinese;

    // Action → who may do it. Confirmations are answered with 是 when asked.
    private static readonly Dictionary<string, string[]> Actions = new()
    {
        ["新建支部 新村党支部 山岔村党支部"] = ["吴主任"],
        ["任命书记 山岔村党支部 王五"] = ["吴主任"],
        ["允许审核 王五"] = ["吴主任", "李书记"],
        ["生成邀请码 山岔村党支部"] = ["吴主任", "李书记"],
        ["作废邀请码 {code}"] = ["吴主任", "李书记"],
        ["个人邀请码 王五"] = ["吴主任", "李书记"],
        ["调动 王五 河口村党支部"] = ["吴主任"],
        ["停用 王五"] = ["吴主任"],
        ["重新加载规则"] = ["吴主任"],
    };

    // stranger, member, secretary of A, administrator of B only, administrator of the committee.
    private static readonly string[] Roles = [SecretaryWorld.Stranger, "张三", "李书记", "冯主任", "吴主任"];

    public static TheoryData<string, string> Table()
    {
        var data = new TheoryData<string, string>();
        foreach (var role in Roles)
        {
            foreach (var action in Actions.Keys)
            {
                data.Add(role, action);
            }
        }

        return data;
    }

    // What each refused role is told: who they are decides the first check that fails. An
    // administrator of another branch learns nothing about this one: its members and codes are "not found".
    private static string Refusal(string user, string action, string code)
    {
        var committeeOnly = Actions[action].Length == 1;
        return user switch
        {
            SecretaryWorld.Stranger => Zh.NotAMember,
            "张三" => committeeOnly ? Zh.NotAnAdministrator : Zh.NotASecretaryOrAdministrator,
            "李书记" => Zh.NotAnAdministrator,
            "冯主任" when action == "重新加载规则" => Zh.NotTopAdministrator,
            "冯主任" when action.StartsWith("作废", StringComparison.Ordinal) => Zh.CodeNotFound(code),
            "冯主任" when action.Contains("山岔村党支部", StringComparison.Ordinal) => Zh.UnitNotFound("山岔村党支部"),
            "冯主任" => Zh.MemberNotFound("王五"),
            _ => throw new ArgumentOutOfRangeException(nameof(user), user, "This role is allowed everything."),
        };
    }

    [Theory]
    [MemberData(nameof(Table))]
    public async Task OnlyAdministratorsOfTheUnitConcernedMayAdministerIt(string user, string action)
    {
        var ct = TestContext.Current.CancellationToken;
        using var world = await AdministrationWorld.CreateAsync();
        var code = await world.World.Stores.JoinCodes.IssueAsync(world.World.Branch.Unit.Id, null, null, null, ct);
        var command = action.Replace("{code}", code.Code, StringComparison.Ordinal);
        var allowed = Actions[action].Contains(user);
        var before = await world.AuditCountAsync();
        var replies = new List<string>();

        var needsConfirmation = action.StartsWith("任命书记", StringComparison.Ordinal) || action.StartsWith("作废", StringComparison.Ordinal)
            || action.StartsWith("调动", StringComparison.Ordinal) || action.StartsWith("停用", StringComparison.Ordinal);
        var flow = world.Flow().SendAs(user, command).AssertReply(reply => replies.Add(reply.Text!));
        if (allowed && needsConfirmation)
        {
            flow = flow.SendAs(user, "是").AssertReply(reply => replies.Add(reply.Text!));
        }

        await flow.RunAsync(ct);
        if (allowed)
        {
            if (action == "重新加载规则")
            {
                Assert.StartsWith("积分规则已重新加载", replies[0], StringComparison.Ordinal);
            }
            else
            {
                Assert.True(await world.AuditCountAsync() > before, $"{user}: '{command}' wrote nothing: {string.Join(" / ", replies)}");
            }
        }
        else
        {
            Assert.Equal(before, await world.AuditCountAsync());
            Assert.Equal(Refusal(user, action, code.Code), replies[0]);
            Assert.True((await world.World.Stores.Members.GetAsync(world["王五"].Id, ct))!.IsActive);
            Assert.Null((await world.World.Stores.JoinCodes.GetAsync(code.Code, ct))!.RevokedAt);
        }
    }
}

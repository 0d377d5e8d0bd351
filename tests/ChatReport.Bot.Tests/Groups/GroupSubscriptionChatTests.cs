using ChatReport.Bot.Storage.Channels;
using ChatReport.Bot.Tests.Support;
using ChatReport.Conversation.Common;
using ChatReport.Conversation.Domain;
using ChatReport.Conversation.Groups;
using static ChatReport.Bot.Tests.Groups.GroupWorld;

namespace ChatReport.Bot.Tests.Groups;

/// <summary>订阅日报 and 退订 in group chats, through the real bot and the SQLite stores.</summary>
public sealed class GroupSubscriptionChatTests
{
    private static readonly GroupTexts Zh = GroupTexts.Chinese;

    [Fact]
    public async Task TheSecretarySubscribesTheGroupAndUnsubscribesIt()
    {
        await using var world = await GroupWorld.CreateAsync();
        var group = world.Group();
        var unit = world.Branch.Unit;

        Assert.Equal(Zh.Subscribed(unit.Name), Assert.Single(await group.SayAsync(Secretary, "订阅日报")));
        var subscription = await world.SubscriptionAsync(group);
        Assert.Equal((unit.Id, world.Branch.Secretary.Id, true), (subscription!.UnitId, subscription.SubscribedBy, subscription.IsActive));

        Assert.Equal(Zh.AlreadySubscribed(unit.Name), Assert.Single(await group.SayAsync(Secretary, "订阅")));

        Assert.Equal(Zh.Unsubscribed(unit.Name), Assert.Single(await group.SayAsync(Secretary, "退订")));
        Assert.False((await world.SubscriptionAsync(group))!.IsActive);
        Assert.Empty(await world.App.Get<GroupSubscriptionStore>().ListForUnitAsync(unit.Id, Token));
        Assert.Equal(Zh.NotSubscribed, Assert.Single(await group.SayAsync(Secretary, "退订")));
    }

    [Fact]
    public async Task AReviewingCommitteeMemberSubscribesInEnglish()
    {
        await using var world = await GroupWorld.CreateAsync();
        var group = world.Group();

        Assert.Equal(GroupTexts.English.Subscribed(world.Branch.Unit.Name), Assert.Single(await group.SayAsync(Committee, "subscribe", "en-US")));
        Assert.True((await world.SubscriptionAsync(group))!.IsActive);
    }

    [Fact]
    public async Task APlainMemberAndAStrangerAreRefusedPolitelyAndNothingIsWritten()
    {
        await using var world = await GroupWorld.CreateAsync();
        var group = world.Group();

        Assert.Equal(Zh.NotAReviewer, Assert.Single(await group.SayAsync(Zhang, "订阅日报")));
        Assert.Equal(ConversationTexts.Chinese.NotJoined, Assert.Single(await group.SayAsync(Stranger, "订阅日报")));
        Assert.Null(await world.SubscriptionAsync(group));

        // Once subscribed, neither of them can stop it either.
        await group.SayAsync(Secretary, "订阅日报");
        Assert.Equal(Zh.NotAReviewer, Assert.Single(await group.SayAsync(Zhang, "退订")));
        Assert.Equal(ConversationTexts.Chinese.NotJoined, Assert.Single(await group.SayAsync(Stranger, "unsubscribe")));
        Assert.True((await world.SubscriptionAsync(group))!.IsActive);
    }

    [Fact]
    public async Task SubscribingInAPersonalChatAsksForTheGroupAndWritesNothing()
    {
        await using var world = await GroupWorld.CreateAsync();
        var personal = world.Personal();

        Assert.Equal(Zh.SubscribeInGroup, Assert.Single(await personal.SayAsync(Secretary, "订阅日报")));
        Assert.Equal(Zh.UnsubscribeInGroup, Assert.Single(await personal.SayAsync(Secretary, "退订")));
        Assert.Null(await world.SubscriptionAsync(personal));
    }

    [Fact]
    public async Task AReviewerOfTwoBranchesChoosesWhichBranchTheGroupFollows()
    {
        await using var world = await GroupWorld.CreateAsync();
        var units = world.App.Get<IOrganisation>();
        var other = await units.CreateUnitAsync(new NewOrgUnit(world.Branch.Unit.ParentId, OrgUnitKind.Branch, "西岭村党支部"), null, Token);
        await world.App.Get<IMemberDirectory>().GrantRoleAsync(other.Id, world.Branch.Secretary.Id, Role.Secretary, canReview: true, null, Token);
        var group = world.Group();

        var question = Assert.Single(await group.SayAsync(Secretary, "订阅日报"));
        Assert.StartsWith(Zh.WhichUnit, question, StringComparison.Ordinal);
        Assert.Contains("西岭村党支部", question, StringComparison.Ordinal);
        Assert.Null(await world.SubscriptionAsync(group));

        Assert.Equal(Zh.Subscribed("西岭村党支部"), Assert.Single(await group.SayAsync(Secretary, "西岭村党支部")));
        Assert.Equal(other.Id, (await world.SubscriptionAsync(group))!.UnitId);
    }

    [Fact]
    public async Task ASecretaryOfAnotherBranchCannotTakeOverTheGroupAndIsToldWhoCan()
    {
        await using var world = await GroupWorld.CreateAsync();
        var units = world.App.Get<IOrganisation>();
        var members = world.App.Get<IMemberDirectory>();
        var other = await units.CreateUnitAsync(new NewOrgUnit(world.Branch.Unit.ParentId, OrgUnitKind.Branch, "乙村党支部"), null, Token);
        var rival = await members.AddMemberAsync(other.Id, "王书记", null, Token);
        await members.GrantRoleAsync(other.Id, rival.Id, Role.Secretary, canReview: true, null, Token);
        var rivalAccount = ChatRoom.Person("29:rival", "王书记");
        await members.LinkAccountAsync(rival.Id, "msteams", rivalAccount.Id!, rivalAccount.Name, Token);
        var group = world.Group();
        await group.SayAsync(Secretary, "订阅日报");

        Assert.Equal(Zh.NotReviewerOfGroupUnit(world.Branch.Unit.Name), Assert.Single(await group.SayAsync(rivalAccount, "订阅日报")));
        Assert.Equal(Zh.NotReviewerOfGroupUnit(world.Branch.Unit.Name), Assert.Single(await group.SayAsync(rivalAccount, "退订")));

        var subscription = await world.SubscriptionAsync(group);
        Assert.Equal((world.Branch.Unit.Id, true), (subscription!.UnitId, subscription.IsActive));

        // The group's own secretary may still stop it, and once it follows no branch anyone who reviews may take it.
        Assert.Equal(Zh.Unsubscribed(world.Branch.Unit.Name), Assert.Single(await group.SayAsync(Secretary, "退订")));
        Assert.Equal(Zh.Subscribed(other.Name), Assert.Single(await group.SayAsync(rivalAccount, "订阅日报")));
    }

    [Fact]
    public async Task TheBotAddedToAGroupByTheSecretarySubscribesItAfterTheWelcome()
    {
        await using var world = await GroupWorld.CreateAsync();
        var group = world.Group();

        var replies = await group.BotAddedAsync(Secretary);

        Assert.Equal(
            [ConversationTexts.Chinese.GroupWelcome, Zh.SubscribedOnJoin(world.Branch.Unit.Name)],
            replies.Select(r => r.ReadTextOrNull()));
        Assert.Contains("订阅日报", ConversationTexts.Chinese.GroupWelcome, StringComparison.Ordinal);
        Assert.Equal(world.Branch.Unit.Id, (await world.SubscriptionAsync(group))!.UnitId);
    }

    [Fact]
    public async Task TheBotAddedToAGroupByAMemberOrAStrangerOnlyWelcomes()
    {
        await using var world = await GroupWorld.CreateAsync();
        var byMember = world.Group();
        var byStranger = world.Group();

        Assert.Equal(ConversationTexts.Chinese.GroupWelcome, Assert.Single(await byMember.BotAddedAsync(Zhang)).ReadTextOrNull());
        Assert.Equal(ConversationTexts.Chinese.GroupWelcome, Assert.Single(await byStranger.BotAddedAsync(Stranger)).ReadTextOrNull());
        Assert.Null(await world.SubscriptionAsync(byMember));
        Assert.Null(await world.SubscriptionAsync(byStranger));
    }

    [Fact]
    public async Task TheGroupCommandsAreInTheReviewersHelpMenuOnly()
    {
        await using var world = await GroupWorld.CreateAsync();
        var personal = world.Personal();

        var reviewerMenu = Assert.Single(await personal.SayAsync(Secretary, "帮助"));
        var memberMenu = Assert.Single(await world.Personal().SayAsync(Zhang, "帮助"));

        foreach (var line in new[] { Zh.HelpSubscribe, Zh.HelpUnsubscribe, ChatReport.Conversation.Notices.NoticeTexts.Chinese.HelpSignOff, ChatReport.Conversation.Notices.NoticeTexts.Chinese.HelpExport })
        {
            Assert.Contains(line, reviewerMenu, StringComparison.Ordinal);
            Assert.DoesNotContain(line, memberMenu, StringComparison.Ordinal);
        }
    }
}

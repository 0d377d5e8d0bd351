using ChatReport.Bot.Tests.Review;
using ChatReport.Conversation.Domain;
using ChatReport.Conversation.Review;
using ChatReport.Conversation.Tasks;

namespace ChatReport.Bot.Tests.Tasks;

public sealed class TaskDialogTests
{
    private static readonly TaskTexts Zh = TaskTexts.Chinese;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static Task<ServiceTask> PostAsync(SecretaryWorld world, int? places = null) =>
        world.Stores.Tasks.PostAsync(
            new NewServiceTask(world.Branch.Unit.Id, "清扫积雪", "村口", new DateTimeOffset(2026, 11, 28, 8, 0, 0, TimeSpan.FromHours(8)), 2, places, world["李书记"].Id),
            Token);

    [Fact]
    public async Task ASecretaryPostsATaskStepByStepAndItIsAnnounced()
    {
        using var world = await SecretaryWorld.CreateAsync();

        await world.Flow()
            .SendAs("李书记", "发布任务")
            .AssertReply(Zh.AskWhat)
            .SendAs("李书记", "清扫村口积雪")
            .AssertReply(Zh.AskWhen)
            .SendAs("李书记", "昨天上午8点")
            .AssertReply(Zh.WhenInPast)
            .SendAs("李书记", "12月1日上午8点")
            .AssertReply(Zh.AskWhere)
            .SendAs("李书记", "村口")
            .AssertReply(Zh.AskPoints)
            .SendAs("李书记", "2")
            .AssertReply(Zh.AskPlaces)
            .SendAs("李书记", "10")
            .AssertReply(reply => Assert.StartsWith("第 ", reply.Text!, StringComparison.Ordinal))
            .RunAsync(Token);

        var task = Assert.Single(world.TaskNotifier.Posted);
        Assert.Equal(("清扫村口积雪", "村口", 2, (int?)10, world.Branch.Unit.Id), (task.Title, task.Place, task.PointsEach, task.Places, task.UnitId));
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.FromHours(8)), task.StartsAt);
    }

    [Fact]
    public async Task AMemberCannotPostATask()
    {
        using var world = await SecretaryWorld.CreateAsync();

        await world.Flow().SendAs("王五", "发布任务").AssertReply(ReviewTexts.Chinese.NotAReviewer).RunAsync(Token);

        Assert.Empty(world.TaskNotifier.Posted);
    }

    [Fact]
    public async Task MembersSignUpUntilTheTaskIsFull()
    {
        using var world = await SecretaryWorld.CreateAsync();
        var task = await PostAsync(world, places: 1);

        await world.Flow()
            .SendAs("张三", $"报名 {task.Id}")
            .AssertReply(Zh.SignedUp(task.Id, "清扫积雪"))
            .SendAs("张三", $"報名 {task.Id}")
            .AssertReply(Zh.AlreadySignedUp(task.Id))
            .SendAs("王五", $"join task {task.Id}")
            .AssertReply(Zh.Full(task.Id))
            .SendAs("周八", $"报名 {task.Id}")
            .AssertReply(Zh.NotFound(task.Id))
            .RunAsync(Token);

        Assert.Single(await world.Stores.Tasks.ListSignUpsAsync(task.Id, Token));
    }

    [Fact]
    public async Task FortyParticipantsAreAwardedTogetherAndEachIsTold()
    {
        using var world = await SecretaryWorld.CreateAsync();
        var task = await PostAsync(world);
        var people = new List<Member>();
        for (var i = 0; i < 40; i++)
        {
            var member = await world.Stores.Members.AddMemberAsync(world.Branch.Unit.Id, $"志愿者{i}", null, Token);
            people.Add(member);
            Assert.Equal(SignUpStatus.SignedUp, await world.Stores.Tasks.SignUpAsync(task.Id, member.Id, Token));
        }

        await world.Flow()
            .SendAs("李书记", $"确认任务 {task.Id}")
            .AssertReply(reply => Assert.StartsWith($"第 {task.Id} 号任务有谁参加了", reply.Text!, StringComparison.Ordinal))
            .SendAs("李书记", "全部")
            .AssertReply(Zh.Completed(task.Id, 40, 2))
            .RunAsync(Token);

        var closing = Assert.Single(world.TaskNotifier.Closed);
        Assert.Equal(40, closing.Awards.Count);
        Assert.Equal(people.Select(p => p.Id).Order(), closing.Awards.Select(a => a.MemberId).Order());
        foreach (var member in people)
        {
            var entries = await world.Stores.Ledger.ListEntriesAsync(member.Id, world.Branch.Cycle.Id, null, Token);
            Assert.Single(entries, e => e.TaskId == task.Id && e.Points == 2);
        }
    }

    [Fact]
    public async Task UnknownNamesAreAskedAgainBeforeAnyoneIsAwarded()
    {
        using var world = await SecretaryWorld.CreateAsync();
        var task = await PostAsync(world);

        await world.Flow()
            .SendAs("钱七", $"确认任务 {task.Id}")
            .AssertReply(_ => { })
            .SendAs("钱七", "张三、李四")
            .AssertReply(Zh.UnknownNames("李四"))
            .AssertReply(_ => { })
            .SendAs("钱七", "张三 王五")
            .AssertReply(Zh.Completed(task.Id, 2, 2))
            .RunAsync(Token);

        Assert.Equal(2, Assert.Single(world.TaskNotifier.Closed).Awards.Count);
    }

    [Fact]
    public async Task CancellingATaskTellsThoseSignedUp()
    {
        using var world = await SecretaryWorld.CreateAsync();
        var task = await PostAsync(world);
        await world.Stores.Tasks.SignUpAsync(task.Id, world["张三"].Id, Token);

        await world.Flow()
            .SendAs("孙书记", $"取消任务 {task.Id}")
            .AssertReply(Zh.NotFound(task.Id))
            .SendAs("李书记", $"取消任务 {task.Id}")
            .AssertReply(Zh.Cancelled(task.Id, 1))
            .RunAsync(Token);

        Assert.Equal(ServiceTaskStatus.Cancelled, (await world.Stores.Tasks.GetAsync(task.Id, Token))!.Status);
        Assert.Equal(world["张三"].Id, Assert.Single(Assert.Single(world.TaskNotifier.Closed).SignUps).MemberId);
    }
}

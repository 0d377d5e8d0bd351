using ChatReport.Bot.Storage.Connections;
using ChatReport.Conversation.Domain;

namespace ChatReport.Bot.Tests.Storage;

public sealed class ServiceTaskStoreTests
{
    private static readonly DateTimeOffset s_saturdayMorning = new(2026, 12, 5, 8, 0, 0, TimeSpan.FromHours(8));

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task MembersSignUpUntilThePlacesAreTaken(StorageProvider provider)
    {
        using var db = new TestDatabase(provider: provider);
        var stores = await Stores.CreateAsync(db);
        var branch = await stores.CreateBranchAsync("甲", "乙", "丙");
        var ct = TestContext.Current.CancellationToken;
        var outsider = await stores.Members.AddMemberAsync(branch.Committee.Id, "外人", null, ct);
        var task = await stores.Tasks.PostAsync(new NewServiceTask(branch.Unit.Id, "清扫村道积雪", "村口", s_saturdayMorning, 1, 2, branch.Secretary.Id), ct);

        Assert.Equal(SignUpStatus.SignedUp, await stores.Tasks.SignUpAsync(task.Id, branch[0].Id, ct));
        Assert.Equal(SignUpStatus.AlreadySignedUp, await stores.Tasks.SignUpAsync(task.Id, branch[0].Id, ct));
        Assert.Equal(SignUpStatus.SignedUp, await stores.Tasks.SignUpAsync(task.Id, branch[1].Id, ct));
        Assert.Equal(SignUpStatus.Full, await stores.Tasks.SignUpAsync(task.Id, branch[2].Id, ct));
        Assert.Equal(SignUpStatus.NotFound, await stores.Tasks.SignUpAsync(task.Id, outsider.Id, ct));
        Assert.True(await stores.Tasks.CancelSignUpAsync(task.Id, branch[1].Id, ct));
        Assert.Equal(SignUpStatus.SignedUp, await stores.Tasks.SignUpAsync(task.Id, branch[2].Id, ct));

        Assert.Equal([branch[0].Id, branch[2].Id], (await stores.Tasks.ListSignUpsAsync(task.Id, ct)).Select(s => s.MemberId));
        Assert.Equal(task, Assert.Single(await stores.Tasks.ListOpenAsync(branch.Unit.Id, ct)));
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task CompletingATaskAwardsEveryParticipantOnceInOneTransaction(StorageProvider provider)
    {
        using var db = new TestDatabase(provider: provider);
        var stores = await Stores.CreateAsync(db);
        var names = Enumerable.Range(1, 40).Select(i => $"党员{i}").ToArray();
        var branch = await stores.CreateBranchAsync(names);
        var ct = TestContext.Current.CancellationToken;
        var task = await stores.Tasks.PostAsync(new NewServiceTask(branch.Unit.Id, "义务劳动：修村道", null, s_saturdayMorning, 3, null, branch.Secretary.Id), ct);
        foreach (var member in branch.Members.Take(30))
        {
            Assert.Equal(SignUpStatus.SignedUp, await stores.Tasks.SignUpAsync(task.Id, member.Id, ct));
        }

        // 25 of those signed up came, and 5 who had not signed up turned up anyway.
        var participants = branch.Members.Take(25).Concat(branch.Members.Skip(30).Take(5)).Select(m => m.Id).ToList();
        var completed = await stores.Tasks.CompleteAsync(task.Id, branch.Secretary.Id, participants, ct);
        var again = await stores.Tasks.CompleteAsync(task.Id, branch.Secretary.Id, participants, ct);

        Assert.Equal(TaskClosingStatus.Closed, completed.Status);
        Assert.Equal(ServiceTaskStatus.Completed, completed.Task!.Status);
        Assert.Equal(30, completed.Awards.Count);
        Assert.All(completed.Awards, a => Assert.Equal((LedgerKind.Bonus, 3, task.Id, 4, new DateOnly(2026, 12, 5)), (a.Kind, a.Points, a.TaskId, a.Quarter, a.OccurredOn)));
        Assert.Equal(35, completed.SignUps.Count);
        Assert.Equal(30, completed.SignUps.Count(s => s.Attended == true));
        Assert.Equal(5, completed.SignUps.Count(s => s.Attended == false));
        Assert.Equal(TaskClosingStatus.AlreadyClosed, again.Status);
        Assert.Empty(again.Awards);
        var standings = await stores.Ledger.GetStandingsAsync(branch.Unit.Id, branch.Cycle.Id, 4, ct);
        Assert.Equal(30, standings.Count(s => s.Points.Bonus == 3));
        Assert.Empty(await stores.Tasks.ListOpenAsync(branch.Unit.Id, ct));
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task OnlyAReviewerOfTheBranchClosesATaskAndOnlyForItsOwnMembers(StorageProvider provider)
    {
        using var db = new TestDatabase(provider: provider);
        var stores = await Stores.CreateAsync(db);
        var branch = await stores.CreateBranchAsync("甲");
        var ct = TestContext.Current.CancellationToken;
        var outsider = await stores.Members.AddMemberAsync(branch.Committee.Id, "外人", null, ct);
        var task = await stores.Tasks.PostAsync(new NewServiceTask(branch.Unit.Id, "上门看望孤寡老人", null, s_saturdayMorning, 2, null, branch.Secretary.Id), ct);

        var byMember = await stores.Tasks.CompleteAsync(task.Id, branch[0].Id, [branch[0].Id], ct);
        var withOutsider = await stores.Tasks.CompleteAsync(task.Id, branch.Secretary.Id, [branch[0].Id, outsider.Id], ct);
        var cancelled = await stores.Tasks.CancelAsync(task.Id, branch.Secretary.Id, ct);

        Assert.Equal(TaskClosingStatus.NotAllowed, byMember.Status);
        Assert.Equal(TaskClosingStatus.NotAllowed, withOutsider.Status);
        Assert.Equal((TaskClosingStatus.Closed, ServiceTaskStatus.Cancelled), (cancelled.Status, cancelled.Task!.Status));
        Assert.Equal(SignUpStatus.NotOpen, await stores.Tasks.SignUpAsync(task.Id, branch[0].Id, ct));
        Assert.Equal(0, (await stores.Ledger.GetTotalAsync(branch[0].Id, branch.Cycle.Id, 4, ct)).Bonus);
    }
}

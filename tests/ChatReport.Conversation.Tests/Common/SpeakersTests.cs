using System.Reflection;
using ChatReport.Conversation.Commands;
using ChatReport.Conversation.Common;
using ChatReport.Conversation.Domain;
using ChatReport.Dialogs.Schema;
using ChatReport.Dialogs.Tests.Testing;

namespace ChatReport.Conversation.Tests.Common;

/// <summary>The speaker is looked up once per turn, whoever asks, and again only when forgotten.</summary>
public sealed class SpeakersTests
{
    private static readonly Member Wang = new(7, 3, "王芳", IsActive: true, DateTimeOffset.UnixEpoch);

    [Fact]
    public async Task EveryDialogOfATurnSharesOneLookup()
    {
        var directory = CountingDirectory.Create(Wang, new UnitRole(3, 7, Role.Secretary, CanReview: true, null, DateTimeOffset.UnixEpoch));
        var turn = Turn();

        var first = await Speakers.GetAsync(directory, turn, TestContext.Current.CancellationToken);
        var member = await CurrentMember.FindAsync(directory, turn, TestContext.Current.CancellationToken);
        var again = await Speakers.GetAsync(directory, turn, TestContext.Current.CancellationToken);

        Assert.Equal(Wang, member);
        Assert.Same(first, again);
        Assert.Equal(1, Calls(directory, nameof(IMemberDirectory.FindByAccountAsync)));
        Assert.Equal(1, Calls(directory, nameof(IMemberDirectory.GetRolesAsync)));
    }

    [Fact]
    public async Task AForgottenSpeakerIsLookedUpAgainAndANewTurnLooksUpAfresh()
    {
        var directory = CountingDirectory.Create(Wang);
        var turn = Turn();

        await Speakers.GetAsync(directory, turn, TestContext.Current.CancellationToken);
        Speakers.Forget(turn);
        await Speakers.GetAsync(directory, turn, TestContext.Current.CancellationToken);
        await Speakers.GetAsync(directory, Turn(), TestContext.Current.CancellationToken);

        Assert.Equal(3, Calls(directory, nameof(IMemberDirectory.FindByAccountAsync)));
    }

    [Fact]
    public async Task AStrangerIsEveryoneAndNoRolesAreAskedFor()
    {
        var directory = CountingDirectory.Create(member: null);

        var speaker = await Speakers.GetAsync(directory, Turn(), TestContext.Current.CancellationToken);

        Assert.Null(speaker.Member);
        Assert.Equal([CommandAudience.Everyone], speaker.Audiences);
        Assert.Equal(0, Calls(directory, nameof(IMemberDirectory.GetRolesAsync)));
    }

    [Fact]
    public async Task AnInactiveMemberIsNoActorWhateverTheirRoles()
    {
        var directory = CountingDirectory.Create(Wang with { IsActive = false }, new UnitRole(3, 7, Role.Administrator, CanReview: false, null, DateTimeOffset.UnixEpoch));

        var speaker = await Speakers.GetAsync(directory, Turn(), TestContext.Current.CancellationToken);

        Assert.NotNull(speaker.Member);
        Assert.Null(speaker.ActiveMember);
        Assert.False(speaker.IsAdministrator);
        Assert.Equal([CommandAudience.Everyone], speaker.Audiences);
    }

    [Theory]
    [InlineData(Role.Member, false, new[] { CommandAudience.Members })]
    [InlineData(Role.Committee, true, new[] { CommandAudience.Members, CommandAudience.Reviewers })]
    [InlineData(Role.Committee, false, new[] { CommandAudience.Members })]
    [InlineData(Role.Secretary, true, new[] { CommandAudience.Members, CommandAudience.Reviewers })]
    [InlineData(Role.Administrator, false, new[] { CommandAudience.Members, CommandAudience.Administrators })]
    public async Task RolesDecideTheAudiences(Role role, bool canReview, CommandAudience[] expected)
    {
        var directory = CountingDirectory.Create(Wang, new UnitRole(3, 7, role, canReview, null, DateTimeOffset.UnixEpoch));

        var speaker = await Speakers.GetAsync(directory, Turn(), TestContext.Current.CancellationToken);

        Assert.Equal(expected.Order(), speaker.Audiences.Order());
    }

    private static TestTurnContext Turn() => new(new Activity
    {
        Type = ActivityTypes.Message,
        ChannelId = "webchat",
        From = new ChannelAccount { Id = "user-7" },
        Text = "我的积分",
    });

    private static int Calls(IMemberDirectory directory, string method) => ((CountingDirectory)(object)directory).Calls.GetValueOrDefault(method);

    /// <summary>A directory that knows one account and counts what it is asked.</summary>
    public class CountingDirectory : DispatchProxy
    {
        private Member? _member;
        private IReadOnlyList<UnitRole> _roles = [];

        public Dictionary<string, int> Calls { get; } = [];

        public static IMemberDirectory Create(Member? member, params UnitRole[] roles)
        {
            var proxy = Create<IMemberDirectory, CountingDirectory>();
            var counting = (CountingDirectory)(object)proxy;
            counting._member = member;
            counting._roles = roles;
            return proxy;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            var name = targetMethod!.Name;
            Calls[name] = Calls.GetValueOrDefault(name) + 1;
            return name switch
            {
                nameof(IMemberDirectory.FindByAccountAsync) => Task.FromResult(_member),
                nameof(IMemberDirectory.GetRolesAsync) => Task.FromResult(_roles),
                _ => throw new NotSupportedException(name),
            };
        }
    }
}

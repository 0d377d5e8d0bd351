using ChatReport.Bot.Digests;
using ChatReport.Bot.Notices;
using ChatReport.Bot.Storage.Channels;
using ChatReport.Bot.Storage.Connections;
using ChatReport.Bot.Storage.Domain;
using ChatReport.Bot.Storage.Schedules;
using ChatReport.Bot.Tests.Storage;
using ChatReport.Conversation.Domain;
using ChatReport.Conversation.Groups;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatReport.Bot.Tests.Digests;

/// <summary>The digest and notice machinery over one test database, with a recording messenger.</summary>
public sealed class DigestHarness
{
    private DigestHarness(Stores stores, DigestOptions options)
    {
        Stores = stores;
        Options = options;
        Messenger = new FakeMessenger(stores.Db.Time);
        Runs = new DigestRunStore(Db.Connections, Db.Time);
        Subscriptions = new GroupSubscriptionStore(Db.Connections, Db.Time);
        Settings = new DigestSettingsStore(Db.Connections, Db.Time);
        Notices = new NoticeStore(Db.Connections, Db.Time);
        Chats = new MemberChatStore(Db.Connections);
    }

    public Stores Stores { get; }

    public TestDatabase Db => Stores.Db;

    public DigestOptions Options { get; }

    public FakeMessenger Messenger { get; }

    public DigestRunStore Runs { get; }

    public GroupSubscriptionStore Subscriptions { get; }

    public DigestSettingsStore Settings { get; }

    public NoticeStore Notices { get; }

    public MemberChatStore Chats { get; }

    public static async Task<DigestHarness> CreateAsync(TestDatabase db, DigestOptions? options = null) =>
        new(await Stores.CreateAsync(db), options ?? new DigestOptions { RetryDelay = TimeSpan.FromSeconds(1), MaxAttempts = 3 });

    /// <summary>A new dispatcher, as a new process (or instance) would have: its own instance id.</summary>
    public DigestDispatcher NewDispatcher(IGroupMessenger? messenger = null, ChatReport.Bot.Digests.IDigestChart? charts = null)
    {
        var sender = messenger ?? Messenger;
        var options = Microsoft.Extensions.Options.Options.Create(Options);
        return new DigestDispatcher(
            Runs,
            new DigestDataReader(Db.Connections),
            Stores.Cycles,
            sender,
            Db.Commits,
            new SendPacer(options, Microsoft.Extensions.Options.Options.Create(new StorageOptions())),
            new FailureReporter(Chats, sender, NullLogger<FailureReporter>.Instance),
            Db.Time,
            options,
            NullLogger<DigestDispatcher>.Instance,
            charts);
    }

    public QuarterNoticeService NewNoticeService()
    {
        var options = Microsoft.Extensions.Options.Options.Create(Options);
        var cycleOptions = Microsoft.Extensions.Options.Options.Create(Stores.CycleOptions);
        return new QuarterNoticeService(
            NewNoticeBuilder(),
            Notices,
            new NoticePdfWriter(Microsoft.Extensions.Options.Options.Create(new NoticeOptions()), Microsoft.Extensions.Options.Options.Create(new ObjectionOptions())),
            Stores.Cycles,
            Stores.Members,
            Messenger,
            Db.Commits,
            new SendPacer(options, Microsoft.Extensions.Options.Options.Create(new StorageOptions())),
            Db.Time,
            options,
            cycleOptions,
            Microsoft.Extensions.Options.Options.Create(new ObjectionOptions()),
            NullLogger<QuarterNoticeService>.Instance);
    }

    public ObjectionPeriods NewObjectionPeriods() =>
        new(
            new ObjectionStore(Db.Connections, Db.Time, Microsoft.Extensions.Options.Options.Create(new ObjectionOptions()), Microsoft.Extensions.Options.Options.Create(Stores.CycleOptions)),
            // The scheduler tests file no objections, so nobody is ever reminded through the missing messenger.
            new ChatReport.Bot.Notifications.ObjectionNotifier(Stores.Members, null!),
            NullLogger<ObjectionPeriods>.Instance);

    public NoticeBuilder NewNoticeBuilder() =>
        new(Notices, Stores.Units, Stores.Cycles, Stores.Members, Microsoft.Extensions.Options.Options.Create(Stores.CycleOptions));

    public DigestJob NewDigestJob() =>
        new(NewDispatcher(), Db.Time, Microsoft.Extensions.Options.Options.Create(Options), NullLogger<DigestJob>.Instance);

    public CycleRollover NewRollover() =>
        new(Stores.Cycles, Db.Commits, Db.Time, Microsoft.Extensions.Options.Options.Create(Stores.CycleOptions), NullLogger<CycleRollover>.Instance);

    /// <summary>A group chat the bot has seen (its reference stored), subscribed to the unit.</summary>
    public async Task<GroupAddress> AddGroupAsync(long unitId, string conversationId, string channelId = "webchat", string locale = "zh-CN")
    {
        var group = new GroupAddress(channelId, conversationId);
        await SaveReferenceAsync(group, null, isGroup: true, locale);
        var result = await Subscriptions.SubscribeAsync(group, unitId, null, TestContext.Current.CancellationToken);
        Assert.Equal(GroupSubscribeStatus.Subscribed, result.Status);
        return group;
    }

    /// <summary>A member's personal chat with the bot, on a linked account.</summary>
    public async Task<GroupAddress> AddPersonalChatAsync(Member member, string channelId = "webchat", string locale = "zh-CN")
    {
        var userId = $"user-{member.Id}";
        await Stores.Members.LinkAccountAsync(member.Id, channelId, userId, member.DisplayName, TestContext.Current.CancellationToken);
        var chat = new GroupAddress(channelId, $"personal-{member.Id}");
        await SaveReferenceAsync(chat, userId, isGroup: false, locale);
        return chat;
    }

    public async Task SaveReferenceAsync(GroupAddress conversation, string? userId, bool isGroup, string locale)
    {
        await using var connection = await Db.Connections.OpenAsync(TestContext.Current.CancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO conversation_references (channel_id, conversation_id, service_url, bot_id, user_id, is_group, locale, verified, updated_at)
            VALUES (@ChannelId, @ConversationId, 'http://localhost/', 'bot', @UserId, @IsGroup, @Locale, TRUE, @Now)
            """,
            new { conversation.ChannelId, conversation.ConversationId, UserId = userId, IsGroup = isGroup, Locale = locale, Now = Db.Time.GetUtcNow() },
            cancellationToken: TestContext.Current.CancellationToken));
    }

    /// <summary>Moves the fake clock to <paramref name="at"/> and approves a claim made that (Beijing) day.</summary>
    public async Task<LedgerEntry> ApproveAtAsync(TestBranch branch, Member member, string ruleCode, DateTimeOffset at, int points, string description = "做了好事")
    {
        Db.Time.SetUtcNow(at);
        var claim = await Stores.SubmitAsync(member, ruleCode, LocalCalendar.ToLocalDate(at, "Asia/Shanghai"), points, description);
        return await Stores.ApproveAsync(claim, branch.Secretary);
    }

    /// <summary>Starts the work and moves the fake clock on until it is done, for code that waits on the clock (retry backoff).</summary>
    public async Task<T> AdvanceUntilDoneAsync<T>(Func<Task<T>> start, TimeSpan step)
    {
        var work = start();
        for (var i = 0; i < 10_000 && !work.IsCompleted; i++)
        {
            Db.Time.Advance(step);
            await Task.Delay(1, TestContext.Current.CancellationToken);
        }

        return await work;
    }

    public static DateTimeOffset Utc(int month, int day, int hour, int minute = 0, int year = 2026) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);
}

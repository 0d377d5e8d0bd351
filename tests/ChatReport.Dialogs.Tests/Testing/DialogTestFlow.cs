using ChatReport.Dialogs.Engine;
using ChatReport.Dialogs.Interruptions;
using ChatReport.Dialogs.Runtime;
using ChatReport.Dialogs.Schema;
using ChatReport.Dialogs.State;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ChatReport.Dialogs.Tests.Testing;

/// <summary>
/// A conversation test that reads like a transcript, in the spirit of the SDK's TestFlow:
/// <c>Send("申报").AssertReply("什么时候？").Send("昨天下午")…RunAsync(ct)</c>. Every turn goes
/// through a real <see cref="DialogRunner"/> and the state store (so state makes its JSON round
/// trip each turn); nothing runs until <see cref="RunAsync"/>. Each flow has its own
/// conversation id, speaks zh-CN unless told otherwise, and runs on a
/// <see cref="FakeTimeProvider"/> set to 2026-11-26 10:00 Asia/Shanghai. Replies nobody asserted
/// fail the flow at the end.
/// </summary>
public sealed class DialogTestFlow
{
    /// <summary>The fixed "now" of every flow: Thursday 2026-11-26 10:00 in Shanghai.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.FromHours(8));

    private readonly Func<TimeProvider, Dialog> _rootFactory;
    private readonly List<Func<CancellationToken, Task>> _steps = [];
    private readonly Queue<Activity> _replies = new();
    private DialogRunner? _runner;
    private int _activityCount;

    public DialogTestFlow(Func<TimeProvider, Dialog> rootFactory)
    {
        _rootFactory = rootFactory;
    }

    public FakeTimeProvider Time { get; } = new(Now);

    public IDialogStateStore Store { get; init; } = new InMemoryDialogStateStore();

    public string ConversationId { get; } = "conv-" + Guid.NewGuid().ToString("N");

    public string ChannelId { get; init; } = "test";

    public string? Locale { get; init; } = "zh-CN";

    public DialogRunnerOptions Options { get; init; } = new();

    /// <summary>Interruption handlers in the order the runner asks them; cancel and help by default.</summary>
    public IReadOnlyList<IInterruptionHandler> InterruptionHandlers { get; init; } =
        [new CancelInterruptionHandler(), new HelpInterruptionHandler()];

    /// <summary>The result of the latest turn.</summary>
    public DialogTurnResult? LastResult { get; private set; }

    /// <summary>A flow whose root begins <paramref name="dialog"/> with <paramref name="options"/> and ends with its result.</summary>
    public static DialogTestFlow For(Func<TimeProvider, Dialog> dialog, object? options = null) =>
        new(time => new TestHostDialog(dialog(time), options));

    public DialogTestFlow Send(string text) => Send(new Activity { Type = ActivityTypes.Message, Text = text });

    /// <summary>Sends <paramref name="activity"/>, filling in whatever addressing it leaves out.</summary>
    public DialogTestFlow Send(Activity activity)
    {
        _steps.Add(async ct =>
        {
            var inbound = activity with
            {
                Type = activity.Type ?? ActivityTypes.Message,
                Id = activity.Id ?? $"activity-{++_activityCount}",
                ChannelId = activity.ChannelId ?? ChannelId,
                Conversation = activity.Conversation ?? new ConversationAccount { Id = ConversationId },
                From = activity.From ?? new ChannelAccount { Id = "user-1", Name = "王芳" },
                Recipient = activity.Recipient ?? new ChannelAccount { Id = "bot", Name = "ChatReport" },
                Locale = activity.Locale ?? Locale,
                Timestamp = activity.Timestamp ?? Time.GetUtcNow(),
            };
            var turn = new TestTurnContext(inbound);
            _runner ??= CreateRunner();
            LastResult = await _runner.RunAsync(turn, ct);
            foreach (var reply in turn.Sent)
            {
                _replies.Enqueue(reply);
            }
        });
        return this;
    }

    public DialogTestFlow AssertReply(string expected) =>
        AssertReply(reply => Assert.Equal(expected, reply.Text));

    public DialogTestFlow AssertReplyContains(string fragment) =>
        AssertReply(reply => Assert.Contains(fragment, reply.Text ?? string.Empty, StringComparison.Ordinal));

    public DialogTestFlow AssertReply(Action<Activity> check)
    {
        _steps.Add(_ =>
        {
            Assert.True(_replies.Count > 0, "Expected a reply, but the bot sent nothing more.");
            check(_replies.Dequeue());
            return Task.CompletedTask;
        });
        return this;
    }

    public DialogTestFlow AssertNoReply()
    {
        _steps.Add(_ =>
        {
            Assert.True(_replies.Count == 0, $"Expected no reply, but the bot sent: {string.Join(" | ", _replies.Select(r => r.Text))}");
            return Task.CompletedTask;
        });
        return this;
    }

    public DialogTestFlow AssertStatus(DialogTurnStatus status)
    {
        _steps.Add(_ =>
        {
            Assert.Equal(status, LastResult?.Status);
            return Task.CompletedTask;
        });
        return this;
    }

    /// <summary>The latest turn completed the root with a <typeparamref name="T"/> that passes <paramref name="check"/>.</summary>
    public DialogTestFlow AssertResult<T>(Action<T> check)
    {
        _steps.Add(_ =>
        {
            Assert.NotNull(LastResult);
            Assert.Equal(DialogTurnStatus.Complete, LastResult.Status);
            check(LastResult.GetResult<T>());
            return Task.CompletedTask;
        });
        return this;
    }

    public DialogTestFlow Advance(TimeSpan time)
    {
        _steps.Add(_ =>
        {
            Time.Advance(time);
            return Task.CompletedTask;
        });
        return this;
    }

    /// <summary>Any check or action between turns.</summary>
    public DialogTestFlow Do(Func<CancellationToken, Task> action)
    {
        _steps.Add(action);
        return this;
    }

    /// <summary>A new bot process: new dialogs and runner, the same store and clock.</summary>
    public DialogTestFlow RestartBot(DialogRunnerOptions? options = null, Func<TimeProvider, Dialog>? rootFactory = null)
    {
        _steps.Add(_ =>
        {
            _runner = CreateRunner(options, rootFactory);
            return Task.CompletedTask;
        });
        return this;
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        foreach (var step in _steps)
        {
            await step(cancellationToken);
        }

        Assert.True(_replies.Count == 0, $"The bot sent replies no step asserted: {string.Join(" | ", _replies.Select(r => r.Text))}");
    }

    private DialogRunner CreateRunner(DialogRunnerOptions? options = null, Func<TimeProvider, Dialog>? rootFactory = null) =>
        new((rootFactory ?? _rootFactory)(Time), Store, InterruptionHandlers, Time, options ?? Options, NullLogger<DialogRunner>.Instance);
}

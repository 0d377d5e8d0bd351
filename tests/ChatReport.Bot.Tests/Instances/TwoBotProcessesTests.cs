using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using ChatReport.Bot.Connector;
using ChatReport.Bot.Storage.Connections;
using ChatReport.Bot.Storage.Migrations;
using ChatReport.Bot.Tests.Storage;
using ChatReport.Dialogs.Schema;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace ChatReport.Bot.Tests.Instances;

/// <summary>
/// Two real bot processes on one PostgreSQL database, as two machines behind a load balancer:
/// the channel's activities spread over both (and each redelivered to the other), a Web Chat
/// stream on one whose posts go to the other, the evening digest with both running, and one
/// killed under load. Replies go to a Connector stub in this process.
/// </summary>
public sealed class TwoBotProcessesTests
{
    private const string GroupConversationId = "19:branch-group@thread.v2";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task BothInstancesShareTheTurnsTheDirectLineStreamsAndTheDigest()
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(Token);
        budget.CancelAfter(TimeSpan.FromSeconds(90));
        var (name, connectionString) = TestPostgres.CreateDatabase();
        try
        {
            await using var stub = await ConnectorStub.StartAsync(budget.Token);
            // A branch group subscribed two days ago: its latest scheduled digest is due the moment
            // the instances start, so both race for it.
            await PrepareDigestGroupAsync(connectionString, stub.BaseAddress, budget.Token);
            var bots = await StartPairAsync(connectionString, budget.Token);
            await using var first = bots[0];
            await using var second = bots[1];

            // (a) Every activity to one instance and, at the same moment, again to the other.
            var activities = Enumerable.Range(0, 4).SelectMany(user => Enumerable.Range(0, 3).Select(turn => (User: user, Turn: turn))).ToList();
            await Task.WhenAll(Enumerable.Range(0, 4).Select(async user =>
            {
                foreach (var (_, turn) in activities.Where(a => a.User == user))
                {
                    var activity = UserMessage(stub.BaseAddress, user, turn);
                    var answers = await Task.WhenAll(bots.Select(bot => bot.Client.PostAsJsonAsync("api/messages", activity, BotJson.Options, budget.Token)));
                    foreach (var answer in answers)
                    {
                        Assert.True(answer.IsSuccessStatusCode, $"{activity.Id} answered {(int)answer.StatusCode}");
                        answer.Dispose();
                    }
                }
            }));

            await using var database = NpgsqlDataSource.Create(connectionString);
            await WaitForOutboxAsync(database, stub, budget.Token);
            await using (var connection = await database.OpenConnectionAsync(budget.Token))
            {
                Assert.Equal(activities.Count, await connection.ExecuteScalarAsync<int>(new CommandDefinition(
                    "SELECT count(*) FROM processed_activities WHERE channel_id = 'msteams' AND conversation_id LIKE 'a:conv-%'", cancellationToken: budget.Token)));
            }

            foreach (var (user, turn) in activities)
            {
                Assert.Contains(stub.Received, r => r.ReplyToId == ActivityId(user, turn));
            }

            await AssertEachOutboxMessageArrivedOnceAsync(database, stub, killedAt: null, budget.Token);

            // (b) A Web Chat stream on the first instance; the posts go to the second, whose
            // token the first issued, and so do the replies the bot makes there.
            await StreamOnOnePostOnTheOtherAsync(first, second, budget.Token);

            // (c) Both instances have run their digest round by now; the group got one digest.
            await WaitUntilAsync(() => bots.All(bot => bot.Log.Contains("Digest round:", StringComparison.Ordinal)), budget.Token);
            await WaitForOutboxAsync(database, stub, budget.Token);
            Assert.Single(stub.For(GroupConversationId));
            await using (var connection = await database.OpenConnectionAsync(budget.Token))
            {
                Assert.Equal(1, await connection.ExecuteScalarAsync<int>(new CommandDefinition(
                    "SELECT count(*) FROM digest_runs WHERE conversation_id = @Id AND status = 'sent'", new { Id = GroupConversationId }, cancellationToken: budget.Token)));
            }
        }
        finally
        {
            TestPostgres.DropDatabase(name);
        }
    }

    [Fact]
    public async Task WhenOneInstanceIsKilledUnderLoadTheOtherAnswersEveryActivity()
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(Token);
        budget.CancelAfter(TimeSpan.FromSeconds(90));
        var (name, connectionString) = TestPostgres.CreateDatabase();
        try
        {
            await using var stub = await ConnectorStub.StartAsync(budget.Token);
            await new DatabaseMigrator(new PostgreSqlConnectionFactory(connectionString), TimeProvider.System, NullLogger<DatabaseMigrator>.Instance).MigrateAsync(budget.Token);
            var bots = await StartPairAsync(connectionString, budget.Token);
            await using var survivor = bots[0];
            await using var victim = bots[1];
            const int Users = 4;
            const int Turns = 5;
            var accepted = 0;
            long? killedAt = null;
            var killing = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

            var load = Task.WhenAll(Enumerable.Range(0, Users).Select(async user =>
            {
                for (var turn = 0; turn < Turns; turn++)
                {
                    var activity = UserMessage(stub.BaseAddress, user, turn);
                    var target = bots[(user + turn) % 2];
                    // A channel redelivers what was not acknowledged; the balancer then sends it to the instance still up.
                    while (!await AcceptedAsync(target, activity, budget.Token))
                    {
                        target = survivor;
                        await Task.Delay(100, budget.Token);
                    }

                    if (Interlocked.Increment(ref accepted) == Users * Turns * 2 / 5)
                    {
                        killing.TrySetResult();
                    }
                }
            }));

            await killing.Task.WaitAsync(budget.Token);
            await victim.KillAsync(budget.Token);
            killedAt = stub.Arrivals;
            await load.WaitAsync(budget.Token);

            await using var database = NpgsqlDataSource.Create(connectionString);
            await WaitForOutboxAsync(database, stub, budget.Token);
            for (var user = 0; user < Users; user++)
            {
                for (var turn = 0; turn < Turns; turn++)
                {
                    Assert.Contains(stub.Received, r => r.ReplyToId == ActivityId(user, turn));
                }
            }

            await using (var connection = await database.OpenConnectionAsync(budget.Token))
            {
                Assert.Equal(Users * Turns, await connection.ExecuteScalarAsync<int>(new CommandDefinition(
                    "SELECT count(*) FROM processed_activities WHERE channel_id = 'msteams'", cancellationToken: budget.Token)));
            }

            await AssertEachOutboxMessageArrivedOnceAsync(database, stub, killedAt, budget.Token);
            Assert.False(survivor.HasExited, survivor.Log);
        }
        finally
        {
            TestPostgres.DropDatabase(name);
        }
    }

    private static async Task<BotProcess[]> StartPairAsync(string connectionString, CancellationToken cancellationToken)
    {
        var settings = new Dictionary<string, string>
        {
            ["Storage:Provider"] = "PostgreSql",
            ["ConnectionStrings:ChatReport"] = connectionString,
            ["Storage:Instances"] = "2",
            ["Demo:Enabled"] = "false",
            ["WebChat:PickIdentity"] = "true",
            ["Outbox:ClaimLease"] = "00:00:05",
            ["Outbox:PollInterval"] = "00:00:01",
            ["Digest:SkipEmptyDays"] = "false",
            // Only the other instance's NOTIFY can bring a reply to a stream within the test's time.
            ["DirectLine:StreamPollSeconds"] = "600",
            // Every round says "Digest round:", a round with nothing due included (Debug).
            ["Logging:LogLevel:ChatReport.Bot.Digests"] = "Debug",
        };
        var started = await Task.WhenAll(BotProcess.StartAsync(settings, cancellationToken), BotProcess.StartAsync(settings, cancellationToken));
        return started;
    }

    private static Activity UserMessage(Uri serviceUrl, int user, int turn) => new()
    {
        Type = ActivityTypes.Message,
        Id = ActivityId(user, turn),
        ChannelId = "msteams",
        ServiceUrl = serviceUrl.AbsoluteUri,
        From = new ChannelAccount { Id = $"29:user-{user}", Name = $"用户{user}" },
        Recipient = new ChannelAccount { Id = "28:bot", Name = "ChatReport" },
        Conversation = new ConversationAccount { Id = $"a:conv-{user}", ConversationType = "personal", TenantId = "tenant-1" },
        Locale = "zh-CN",
        Text = turn % 2 == 0 ? "帮助" : "我的积分",
    };

    private static string ActivityId(int user, int turn) => $"act-{user}-{turn}";

    private static async Task<bool> AcceptedAsync(BotProcess bot, Activity activity, CancellationToken cancellationToken)
    {
        try
        {
            using var answer = await bot.Client.PostAsJsonAsync("api/messages", activity, BotJson.Options, cancellationToken);
            return answer.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private static async Task StreamOnOnePostOnTheOtherAsync(BotProcess streamHost, BotProcess postHost, CancellationToken cancellationToken)
    {
        using var issued = await streamHost.Client.PostAsJsonAsync("webchat/token", new { userId = "dl-user", name = "张三" }, cancellationToken);
        issued.EnsureSuccessStatusCode();
        var token = (await issued.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("token").GetString();
        using var start = new HttpRequestMessage(HttpMethod.Post, "v3/directline/conversations");
        start.Headers.Authorization = new("Bearer", token);
        using var started = await streamHost.Client.SendAsync(start, cancellationToken);
        started.EnsureSuccessStatusCode();
        var conversation = await started.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        var conversationId = conversation.GetProperty("conversationId").GetString()!;
        token = conversation.GetProperty("token").GetString();
        var streamUrl = new Uri(conversation.GetProperty("streamUrl").GetString()!);
        Assert.Equal(streamHost.BaseAddress.Port, streamUrl.Port);

        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(streamUrl, cancellationToken);
        var posted = new List<string>();
        foreach (var text in new[] { "帮助", "我的积分", "help" })
        {
            using var post = new HttpRequestMessage(HttpMethod.Post, $"v3/directline/conversations/{conversationId}/activities")
            {
                Content = JsonContent.Create(new { type = "message", from = new { id = "dl-user" }, text }),
            };
            post.Headers.Authorization = new("Bearer", token);
            using var answer = await postHost.Client.SendAsync(post, cancellationToken);
            Assert.True(answer.IsSuccessStatusCode, $"posting to the other instance answered {(int)answer.StatusCode}:\n{postHost.Log}");
            posted.Add((await answer.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("id").GetString()!);
        }

        // Every reply the bot made on the second instance arrives on the first one's socket.
        using var reading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        reading.CancelAfter(TimeSpan.FromSeconds(20));
        var answered = new HashSet<string>(StringComparer.Ordinal);
        var buffer = new byte[256 * 1024];
        while (!posted.All(answered.Contains))
        {
            using var frame = new MemoryStream();
            WebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer, reading.Token);
                await frame.WriteAsync(buffer.AsMemory(0, result.Count), reading.Token);
            }
            while (!result.EndOfMessage);

            Assert.NotEqual(WebSocketMessageType.Close, result.MessageType);
            if (frame.Length == 0)
            {
                continue;
            }

            using var set = JsonDocument.Parse(Encoding.UTF8.GetString(frame.ToArray()));
            foreach (var activity in set.RootElement.GetProperty("activities").EnumerateArray())
            {
                if (activity.GetProperty("from").GetProperty("role").GetString() == "bot"
                    && activity.TryGetProperty("replyToId", out var replyTo))
                {
                    answered.Add(replyTo.GetString()!);
                }
            }
        }

        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", cancellationToken);
    }

    private static async Task PrepareDigestGroupAsync(string connectionString, Uri serviceUrl, CancellationToken cancellationToken)
    {
        await new DatabaseMigrator(new PostgreSqlConnectionFactory(connectionString), TimeProvider.System, NullLogger<DatabaseMigrator>.Instance).MigrateAsync(cancellationToken);
        await using var database = NpgsqlDataSource.Create(connectionString);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO org_units (id, parent_id, kind, name, created_at) VALUES (1001, NULL, 'committee', '党委', now() - interval '3 days');
            INSERT INTO org_units (id, parent_id, kind, name, created_at) VALUES (1002, 1001, 'branch', '山岔村党支部', now() - interval '3 days');
            INSERT INTO conversation_references (channel_id, conversation_id, service_url, bot_id, bot_name, tenant_id, conversation_type, is_group, locale, updated_at)
            VALUES ('msteams', @Group, @ServiceUrl, '28:bot', 'ChatReport', 'tenant-1', 'groupChat', TRUE, 'zh-CN', now() - interval '2 days');
            INSERT INTO group_subscriptions (channel_id, conversation_id, unit_id, subscribed_at) VALUES ('msteams', @Group, 1002, now() - interval '2 days');
            """,
            new { Group = GroupConversationId, ServiceUrl = serviceUrl.AbsoluteUri },
            cancellationToken: cancellationToken));
    }

    /// <summary>Waits until no outbox message is pending and the stub has as many activities as the outbox has sent.</summary>
    private static async Task WaitForOutboxAsync(NpgsqlDataSource database, ConnectorStub stub, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(TimeSpan.FromSeconds(40));
        while (true)
        {
            await using (var connection = await database.OpenConnectionAsync(limit.Token))
            {
                var (pending, sent) = await connection.QuerySingleAsync<(long Pending, long Sent)>(new CommandDefinition(
                    "SELECT count(*) FILTER (WHERE status = 'pending'), count(*) FILTER (WHERE status = 'sent' AND service_url = @Stub) FROM outbox",
                    new { Stub = stub.BaseAddress.AbsoluteUri },
                    cancellationToken: limit.Token));
                if (pending == 0 && stub.Received.Count >= sent)
                {
                    return;
                }
            }

            await Task.Delay(200, limit.Token);
        }
    }

    /// <summary>
    /// Each message of the outbox to the stub arrived, and none more than once, but for the one
    /// repeat the outbox allows: a message the killed instance had sent before it could mark it,
    /// delivered again by the survivor once the claim ran out.
    /// </summary>
    private static async Task AssertEachOutboxMessageArrivedOnceAsync(NpgsqlDataSource database, ConnectorStub stub, long? killedAt, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string ConversationId, string ActivityJson, string Status)>(new CommandDefinition(
            "SELECT conversation_id, activity_json, status FROM outbox WHERE service_url = @Stub", new { Stub = stub.BaseAddress.AbsoluteUri }, cancellationToken: cancellationToken));
        var expected = rows.Select(row =>
        {
            Assert.Equal("sent", row.Status);
            var activity = JsonSerializer.Deserialize<Activity>(row.ActivityJson, BotJson.Options)!;
            return Key(row.ConversationId, string.IsNullOrEmpty(activity.ReplyToId) ? null : activity.ReplyToId, activity.Text);
        }).ToList();
        var received = stub.Received.ToList();
        Assert.Equal(expected.Order(StringComparer.Ordinal), received.Select(r => Key(r.ConversationId, r.ReplyToId, r.Text)).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(expected.Count, expected.Distinct().Count());
        foreach (var repeated in received.GroupBy(r => Key(r.ConversationId, r.ReplyToId, r.Text)).Where(g => g.Count() > 1))
        {
            Assert.True(killedAt is { } mark && repeated.Count() == 2 && repeated.Min(r => r.Arrival) <= mark, $"{repeated.Key} arrived {repeated.Count()} times");
        }
    }

    // Whitespace aside: the Connector client writes Teams' markdown line breaks into the text it sends.
    private static string Key(string conversationId, string? replyToId, string? text) =>
        $"{conversationId} | {replyToId} | {string.Concat((text ?? string.Empty).Where(c => !char.IsWhiteSpace(c)))}";

    private static async Task WaitUntilAsync(Func<bool> condition, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            await Task.Delay(100, limit.Token);
        }
    }
}

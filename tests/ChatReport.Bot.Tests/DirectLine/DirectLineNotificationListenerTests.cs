using ChatReport.Bot.Storage.Channels;
using ChatReport.Bot.Storage.Connections;
using ChatReport.Bot.Tests.Storage;
using ChatReport.Dialogs.Schema;
using Npgsql;

namespace ChatReport.Bot.Tests.DirectLine;

/// <summary>
/// The listener that carries other instances' Direct Line activities to this instance's sockets
/// (LISTEN on PostgreSQL), through the real host: its connection is ended by the server, and an
/// activity another instance stores afterwards still reaches the open socket.
/// </summary>
public sealed class DirectLineNotificationListenerTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AfterTheServerEndsItsConnectionTheListenerListensAgainAndWakesTheSocket()
    {
        var (name, connectionString) = TestPostgres.CreateDatabase();
        try
        {
            await using var admin = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(TestPostgres.Server().ToString()) { Database = "postgres" });
            await using (var app = new DirectLineApplication(settings: new Dictionary<string, string?>
            {
                ["Storage:Provider"] = "PostgreSql",
                ["ConnectionStrings:ChatReport"] = connectionString,
                // Neither the listener's own poll nor its ping may wake the socket while the test
                // waits: only a notification, or the "read everything" after a reconnection.
                ["DirectLine:StreamPollSeconds"] = "600",
            }))
            {
                var conversation = await app.StartConversationAsync("u1", cancellationToken: Cancel);
                await using var stream = await StreamClient.OpenAsync(conversation.StreamUrl!);
                // Another instance on the same database: it stores a reply and announces it.
                await using var otherInstance = new PostgreSqlConnectionFactory(connectionString);
                var otherStore = new DirectLineStore(otherInstance, TimeProvider.System);

                var first = await ListenerAsync(admin, name, except: null);
                await otherStore.AppendAsync(conversation.ConversationId, Reply("一"), null, delivered: false, Cancel);
                await stream.ReceiveUntilAsync(set => set.Activities.Any(a => a.Text == "一"));

                await using (var terminate = admin.CreateCommand("SELECT pg_terminate_backend($1)"))
                {
                    terminate.Parameters.Add(new NpgsqlParameter { Value = first });
                    Assert.True((bool)(await terminate.ExecuteScalarAsync(Cancel))!);
                }

                var second = await ListenerAsync(admin, name, except: first);
                Assert.NotEqual(first, second);
                // The first reply after the reconnection might still be read by the reconnection's
                // own "read everything"; the second can only come by a notification.
                await otherStore.AppendAsync(conversation.ConversationId, Reply("二"), null, delivered: false, Cancel);
                await stream.ReceiveUntilAsync(set => set.Activities.Any(a => a.Text == "二"));
                await otherStore.AppendAsync(conversation.ConversationId, Reply("三"), null, delivered: false, Cancel);
                var last = await stream.ReceiveUntilAsync(set => set.Activities.Any(a => a.Text == "三"));
                Assert.Equal("三", last.Activities[^1].Text);
            }
        }
        finally
        {
            TestPostgres.DropDatabase(name);
        }
    }

    private static Activity Reply(string text) => new()
    {
        Type = ActivityTypes.Message,
        From = new ChannelAccount { Id = "bot", Name = "ChatReport", Role = "bot" },
        Text = text,
    };

    /// <summary>The backend of the test database whose last statement was LISTEN (the listener is idle between notifications), other than <paramref name="except"/>.</summary>
    private static async Task<int> ListenerAsync(NpgsqlDataSource admin, string database, int? except)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        timeout.CancelAfter(Patience);
        while (true)
        {
            await using (var find = admin.CreateCommand("SELECT pid FROM pg_stat_activity WHERE datname = $1 AND query LIKE 'LISTEN%' AND pid <> $2 ORDER BY backend_start DESC LIMIT 1"))
            {
                find.Parameters.Add(new NpgsqlParameter { Value = database });
                find.Parameters.Add(new NpgsqlParameter { Value = except ?? 0 });
                if (await find.ExecuteScalarAsync(timeout.Token) is int pid)
                {
                    return pid;
                }
            }

            try
            {
                // Bounded by the timeout above: the first retry comes a second after the loss.
                await Task.Delay(TimeSpan.FromMilliseconds(100), timeout.Token);
            }
            catch (OperationCanceledException) when (!Cancel.IsCancellationRequested)
            {
                Assert.Fail($"No connection of the bot listened (LISTEN) on {database} within {Patience.TotalSeconds:0} s{(except is null ? string.Empty : $" after backend {except} was ended")}.");
            }
        }
    }
}

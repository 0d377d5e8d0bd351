using ChatReport.Bot.Storage.Channels;
using ChatReport.Bot.Storage.Connections;

namespace ChatReport.Bot.Tests.Storage;

/// <summary>
/// Two bot instances on one PostgreSQL database, each with its own connection pool: an activity
/// redelivered to both is taken on once, and an outbox message is claimed by one sender only.
/// </summary>
public sealed class TwoInstancesOnPostgreSqlTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnActivityDeliveredToBothInstancesAtOnceIsTakenOnByExactlyOne()
    {
        using var db = new TestDatabase(provider: StorageProvider.PostgreSql);
        await db.Migrator.MigrateAsync(Token);
        await using var second = new PostgreSqlConnectionFactory(db.ConnectionString);
        var instances = new[] { new ProcessedActivityStore(db.Connections, db.Time), new ProcessedActivityStore(second, db.Time) };
        var ids = Enumerable.Range(0, 40).Select(i => $"act-{i}").ToList();

        var claims = await Task.WhenAll(instances.Select(store => Task.Run(
            async () =>
            {
                var won = new List<string>();
                foreach (var id in ids)
                {
                    if (await store.TryClaimAsync("msteams", "a:conv", id, Token))
                    {
                        won.Add(id);
                    }
                }

                return won;
            },
            Token)));

        Assert.Empty(claims[0].Intersect(claims[1]));
        Assert.Equal(ids.Order(), claims[0].Concat(claims[1]).Order());
    }

    [Fact]
    public async Task TwoSendersClaimingTheSameOutboxTakeEachMessageOnceAndKeepTheirClaims()
    {
        using var db = new TestDatabase(provider: StorageProvider.PostgreSql);
        await db.Migrator.MigrateAsync(Token);
        await using var second = new PostgreSqlConnectionFactory(db.ConnectionString);
        var senders = new[] { new OutboxStore(db.Connections), new OutboxStore(second) };
        var now = db.Time.GetUtcNow();
        var added = new List<long>();
        for (var i = 0; i < 60; i++)
        {
            added.Add(await senders[0].AddAsync(new OutboxItem(0, "msteams", "https://smba.test/", $"a:conv-{i}", "{}", 0, now, now), Token));
        }

        // One message per conversation: a conversation's later messages wait for its first.
        // A lease that ends between two microseconds, as a real clock's would: PostgreSQL stores
        // microseconds (Npgsql truncates both the stored value and the compare's parameter), and
        // the claim must still be renewable by the sender that holds it.
        var until = now.AddMinutes(2).AddTicks(7);
        var won = await Task.WhenAll(senders.Select(store => Task.Run(
            async () =>
            {
                var mine = new List<OutboxItem>();
                while (await store.ClaimDueAsync(now, until, 4, Token) is { Count: > 0 } batch)
                {
                    mine.AddRange(batch);
                }

                return mine;
            },
            Token)));

        var ids = won.SelectMany(w => w.Select(item => item.Id)).ToList();
        Assert.Equal(added.Order(), ids.Order());
        Assert.True(await senders[0].ExtendClaimAsync(won.First(w => w.Count > 0)[0], until.AddMinutes(1), Token));
    }
}
